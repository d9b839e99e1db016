import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

export interface CampaignRow {
  id: string;
  nom: string;
  document: unknown;
  etat: string;
  cree_par: string;
  version: number;
  cree_le: Date;
  envoyee_le: Date | null;
}

/** A registry record as a campaign reads it: the stored document with its version and place. */
export interface ScopedDynamic {
  id: string;
  type: string;
  nom: string;
  document: unknown;
  version: number;
  cree_le: Date;
  departements: string[];
}

const CHUNK = 500;

/**
 * Campaigns themselves (`campagne`) and the registry as campaigns read it. With RecipientRepository
 * and ProposalRepository, the only place that reads and writes the `campagne*` tables.
 */
export class CampaignRepository {
  constructor(readonly db: Kysely<DB>) {}

  transaction<T>(fn: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(fn);
  }

  async insertCampaign(trx: Db, c: { id: string; nom: string; document: unknown; creePar: string }) {
    await trx
      .insertInto('campagne')
      .values({
        id: c.id,
        nom: c.nom,
        document: JSON.stringify(c.document),
        cree_par: c.creePar,
        envoyee_le: null,
      })
      .execute();
  }

  findCampaign(id: string, db: Db = this.db): Promise<CampaignRow | undefined> {
    return db
      .selectFrom('campagne')
      .select(['id', 'nom', 'document', 'etat', 'cree_par', 'version', 'cree_le', 'envoyee_le'])
      .where('id', '=', id)
      .executeTakeFirst();
  }

  listCampaigns(): Promise<(CampaignRow & { destinataires: number })[]> {
    return this.db
      .selectFrom('campagne as c')
      .select([
        'c.id',
        'c.nom',
        'c.document',
        'c.etat',
        'c.cree_par',
        'c.version',
        'c.cree_le',
        'c.envoyee_le',
      ])
      .select((eb) =>
        eb
          .selectFrom('campagne_destinataire as d')
          .whereRef('d.campagne', '=', 'c.id')
          .select(sql<number>`count(*)::int`.as('n'))
          .as('destinataires'),
      )
      .orderBy('c.cree_le', 'desc')
      .execute() as Promise<(CampaignRow & { destinataires: number })[]>;
  }

  async markSent(trx: Db, id: string, at: Date) {
    await trx
      .updateTable('campagne')
      .set({ etat: 'envoyee', envoyee_le: sql<Date>`coalesce(envoyee_le, ${at})`, modifie_le: at })
      .where('id', '=', id)
      .execute();
  }

  /** Registry records of some kinds with at least one commune in a région or in some départements. */
  async dynamicsInScope(scope: { types: string[]; region: string | null; departements: string[] }) {
    const ids = await this.db
      .selectFrom('dynamique as d')
      .innerJoin('dynamique_commune as dc', 'dc.dynamique', 'd.id')
      .innerJoin('commune as c', 'c.code', 'dc.commune')
      .select('d.id')
      .distinct()
      .where('d.type', 'in', scope.types)
      .where((eb) => {
        const parts = [];
        if (scope.region) parts.push(eb('c.region', '=', scope.region));
        if (scope.departements.length > 0) parts.push(eb('c.departement', 'in', scope.departements));
        return eb.or(parts);
      })
      .execute();
    return this.dynamicsByIds(ids.map((r) => r.id));
  }

  async dynamicsByIds(ids: string[], db: Db = this.db): Promise<ScopedDynamic[]> {
    const out: ScopedDynamic[] = [];
    for (let i = 0; i < ids.length; i += CHUNK) {
      const chunk = ids.slice(i, i + CHUNK);
      if (chunk.length === 0) continue;
      const rows = await db
        .selectFrom('dynamique as d')
        .select(['d.id', 'd.type', 'd.nom', 'd.document', 'd.version', 'd.cree_le'])
        .select(
          sql<
            string[]
          >`coalesce((select array_agg(distinct c.departement order by c.departement) from dynamique_commune dc join commune c on c.code = dc.commune where dc.dynamique = d.id and c.departement is not null), '{}')`.as(
            'departements',
          ),
        )
        .where('d.id', 'in', chunk)
        .execute();
      out.push(...rows);
    }
    return out;
  }

  /** Départements a perimeter touches, from its communes, its EPCI's communes and its départements. */
  async departementsOf(p: { communes: string[]; epci: string[]; departements: string[] }): Promise<string[]> {
    const found = new Set(p.departements);
    if (p.communes.length > 0 || p.epci.length > 0) {
      const rows = await this.db
        .selectFrom('commune')
        .select('departement')
        .distinct()
        .where((eb) =>
          eb.or([
            ...(p.communes.length > 0 ? [eb('code', 'in', p.communes)] : []),
            ...(p.epci.length > 0 ? [eb('epci', 'in', p.epci)] : []),
          ]),
        )
        .execute();
      for (const r of rows) if (r.departement) found.add(r.departement);
    }
    return [...found].sort();
  }

  async departementNames(codes: string[]): Promise<Map<string, string>> {
    if (codes.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('departement')
      .select(['code', 'nom'])
      .where('code', 'in', codes)
      .execute();
    return new Map(rows.map((r) => [r.code, r.nom]));
  }
}

/** Région of each known département code, and whether a région code exists. */
export async function placesOf(
  db: Kysely<DB>,
  departements: string[],
  region: string | null,
): Promise<{ departements: Map<string, string>; regionExists: boolean }> {
  const rows =
    departements.length === 0
      ? []
      : await db
          .selectFrom('departement')
          .select(['code', 'region'])
          .where('code', 'in', departements)
          .execute();
  const regionRow = region
    ? await db.selectFrom('region').select('code').where('code', '=', region).executeTakeFirst()
    : undefined;
  return {
    departements: new Map(rows.map((r) => [r.code, r.region])),
    regionExists: regionRow !== undefined,
  };
}
