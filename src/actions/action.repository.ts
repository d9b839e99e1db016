import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { ActionGeography, InvolvedDynamic } from '../domain/actions/catalogue-action.ts';
import type { ActionInput } from '../domain/actions/schemas.ts';

type Db = Kysely<DB> | Transaction<DB>;

export interface ActionRow {
  id: string;
  document: unknown;
  derive: unknown;
  cree_par: string | null;
  version: number;
  cree_le: Date;
  modifie_le: Date;
}

/** What is derived from an action when it is written (see migration 0030). */
export interface ActionDerived {
  geo: ActionGeography;
  dynamiques: InvolvedDynamic[];
}

export interface ActionWrite {
  id: string;
  action: ActionInput;
  derived: ActionDerived;
  creePar?: string | null;
}

/** What the reference says of a set of territory codes: enough to check, place and suggest a setting. */
export interface ReferenceFacts {
  communes: Map<
    string,
    { departement: string | null; region: string | null; epci: string | null; population: number | null }
  >;
  epciMembers: Map<string, string[]>;
  qpvCommunes: Map<string, string[]>;
}

const COLUMNS = ['id', 'document', 'derive', 'cree_par', 'version', 'cree_le', 'modifie_le'] as const;
const CHUNK = 500;

/** Only place that reads and writes the `action*` tables (and reads the reference and registry for them). */
export class ActionRepository {
  constructor(readonly db: Kysely<DB>) {}

  transaction<T>(fn: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(fn);
  }

  findById(id: string, db: Db = this.db): Promise<ActionRow | undefined> {
    return db.selectFrom('action').select(COLUMNS).where('id', '=', id).executeTakeFirst();
  }

  async findByIds(ids: string[], db: Db = this.db): Promise<ActionRow[]> {
    const out: ActionRow[] = [];
    for (let i = 0; i < ids.length; i += 5000) {
      const chunk = ids.slice(i, i + 5000);
      if (chunk.length > 0)
        out.push(...(await db.selectFrom('action').select(COLUMNS).where('id', 'in', chunk).execute()));
    }
    return out;
  }

  async currentGeneration(): Promise<number> {
    const row = await this.db.selectFrom('action_generation').select('valeur').executeTakeFirst();
    return Number(row?.valeur ?? 0);
  }

  /** Bumps the write counter; its row lock orders concurrent writers until the transaction ends. */
  async nextGeneration(trx: Transaction<DB>): Promise<number> {
    const row = await trx
      .updateTable('action_generation')
      .set({ valeur: sql`valeur + 1` })
      .returning('valeur')
      .executeTakeFirstOrThrow();
    return Number(row.valeur);
  }

  /** Rows written and ids deleted after `generation` (everything from -1), and the generation now. */
  async changedSince(
    generation: number,
  ): Promise<{ rows: ActionRow[]; deleted: string[]; generation: number }> {
    return this.transaction(async (trx) => {
      const now = await trx.selectFrom('action_generation').select('valeur').executeTakeFirstOrThrow();
      const rows = await trx
        .selectFrom('action')
        .select(COLUMNS)
        .where('generation', '>', generation)
        .execute();
      const deleted =
        generation < 0
          ? []
          : await trx
              .selectFrom('action_suppression')
              .select('id')
              .where('generation', '>', generation)
              .execute();
      return { rows, deleted: deleted.map((d) => d.id), generation: Number(now.valeur) };
    });
  }

  async insertMany(trx: Transaction<DB>, writes: ActionWrite[], generation: number): Promise<void> {
    for (let i = 0; i < writes.length; i += CHUNK) {
      await trx
        .insertInto('action')
        .values(
          writes.slice(i, i + CHUNK).map((w) => ({
            id: w.id,
            type: w.action.type,
            titre: w.action.titre,
            debut: w.action.debut,
            document: JSON.stringify(w.action),
            derive: JSON.stringify(w.derived),
            cree_par: w.creePar ?? null,
            generation,
          })),
        )
        .execute();
    }
  }

  /** A deleted record written again from its history keeps numbering its versions where it stopped. */
  async setVersion(trx: Transaction<DB>, id: string, version: number): Promise<void> {
    await trx.updateTable('action').set({ version }).where('id', '=', id).execute();
  }

  /** Optimistic update: only succeeds when the stored version is still `expectedVersion`. */
  async update(trx: Transaction<DB>, w: ActionWrite, expectedVersion: number, generation: number) {
    const res = await trx
      .updateTable('action')
      .set({
        type: w.action.type,
        titre: w.action.titre,
        debut: w.action.debut,
        document: JSON.stringify(w.action),
        derive: JSON.stringify(w.derived),
        version: sql`version + 1`,
        modifie_le: sql`now()`,
        generation,
      })
      .where('id', '=', w.id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    return Number(res.numUpdatedRows) === 1;
  }

  async delete(trx: Transaction<DB>, id: string, expectedVersion: number, generation: number) {
    const res = await trx
      .deleteFrom('action')
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    if (Number(res.numDeletedRows) !== 1) return false;
    await trx.insertInto('action_suppression').values({ id, generation }).execute();
    return true;
  }

  /** Kind and name of the dynamics that exist among `ids`. */
  async dynamics(ids: string[]): Promise<Map<string, { type: string; nom: string }>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('dynamique')
      .select(['id', 'type', 'nom'])
      .where('id', '=', sql<string>`any(${ids}::text[])`)
      .execute();
    return new Map(rows.map((r) => [r.id, { type: r.type, nom: r.nom }]));
  }

  async knownNotices(ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await this.db
      .selectFrom('notice')
      .select('id')
      .where('id', '=', sql<string>`any(${ids}::text[])`)
      .execute();
    return new Set(rows.map((r) => r.id));
  }

  /**
   * The reference facts about these codes, in four queries whatever their number (an import checks every
   * line at once): communes named or covered by the EPCI and QPV, with their département, région, EPCI
   * and population. A code absent from the maps is unknown.
   */
  async referenceFacts(codes: {
    communes: string[];
    epci: string[];
    qpv: string[];
  }): Promise<ReferenceFacts> {
    const epciMembers = new Map<string, string[]>();
    const qpvCommunes = new Map<string, string[]>();
    const epci = [...new Set(codes.epci)];
    const qpv = [...new Set(codes.qpv)];
    if (epci.length > 0) {
      const known = await this.db
        .selectFrom('epci')
        .select('code')
        .where('code', '=', sql<string>`any(${epci}::text[])`)
        .execute();
      for (const e of known) epciMembers.set(e.code, []);
      const members = await this.db
        .selectFrom('commune')
        .select(['code', 'epci'])
        .where('epci', '=', sql<string>`any(${epci}::text[])`)
        .where('nature', '=', 'commune_actuelle')
        .execute();
      for (const m of members) if (m.epci) epciMembers.get(m.epci)?.push(m.code);
    }
    if (qpv.length > 0) {
      const known = await this.db
        .selectFrom('qpv')
        .select('code')
        .where('code', '=', sql<string>`any(${qpv}::text[])`)
        .execute();
      for (const q of known) qpvCommunes.set(q.code, []);
      const links = await this.db
        .selectFrom('qpv_commune')
        .select(['qpv', 'commune'])
        .where('qpv', '=', sql<string>`any(${qpv}::text[])`)
        .execute();
      for (const l of links) qpvCommunes.get(l.qpv)?.push(l.commune);
    }
    const all = [
      ...new Set([
        ...codes.communes,
        ...[...epciMembers.values()].flat(),
        ...[...qpvCommunes.values()].flat(),
      ]),
    ];
    const communes: ReferenceFacts['communes'] = new Map();
    for (let i = 0; i < all.length; i += 5000) {
      const rows = await this.db
        .selectFrom('commune')
        .select(['code', 'departement', 'region', 'epci', 'population'])
        .where('code', '=', sql<string>`any(${all.slice(i, i + 5000)}::text[])`)
        .execute();
      for (const r of rows) communes.set(r.code, r);
    }
    return { communes, epciMembers, qpvCommunes };
  }

  /** Names of régions and départements, for facets. */
  async areaNames(): Promise<Map<string, string>> {
    const [regions, departements] = await Promise.all([
      this.db.selectFrom('region').select(['code', 'nom']).execute(),
      this.db.selectFrom('departement').select(['code', 'nom']).execute(),
    ]);
    return new Map([
      ...regions.map((r) => [`region:${r.code}`, r.nom] as const),
      ...departements.map((d) => [`departement:${d.code}`, d.nom] as const),
    ]);
  }
}
