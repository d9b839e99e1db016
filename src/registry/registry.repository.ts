import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { DynamicListFilters } from '../domain/registry/list-filters.ts';
import type { StatusPeriod } from '../domain/registry/timeline.ts';

type Db = Kysely<DB> | Transaction<DB>;

export interface DynamicRow {
  id: string;
  type: string;
  nom: string;
  document: unknown;
  version: number;
  verifie_le: string | null;
  verifie_par: string | null;
  cree_le: Date;
  modifie_le: Date;
}

export interface DynamicWrite {
  id: string;
  type: string;
  nom: string;
  nomRecherche: string;
  document: object;
  dateFin: string | null;
  verifieLe: string | null;
  verifiePar: string | null;
  communes: string[];
  periods: StatusPeriod[];
}

const COLUMNS = [
  'id',
  'type',
  'nom',
  'document',
  'version',
  'verifie_le',
  'verifie_par',
  'cree_le',
  'modifie_le',
] as const;

/**
 * Only place that reads and writes dynamics tables, with registry-bulk.repository.ts for the set-based
 * writes of many records (imports, source syncs, change-set reverts).
 */
export class RegistryRepository {
  constructor(readonly db: Kysely<DB>) {}

  transaction<T>(fn: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(fn);
  }

  /** Régions of a set of communes (for the regional scope of writes). */
  async regionsOfCommunes(codes: string[]): Promise<Set<string>> {
    if (codes.length === 0) return new Set();
    const rows = await this.db
      .selectFrom('commune')
      .select('region')
      .distinct()
      .where('code', 'in', codes)
      .where('region', 'is not', null)
      .execute();
    return new Set(rows.map((r) => r.region as string));
  }

  findById(id: string, db: Db = this.db): Promise<DynamicRow | undefined> {
    return db.selectFrom('dynamique').select(COLUMNS).where('id', '=', id).executeTakeFirst();
  }

  /** Ids, kinds and names of the dynamics of these kinds (an import matches its rows on them). */
  namesOfKinds(types: string[]): Promise<{ id: string; type: string; nom: string }[]> {
    if (types.length === 0) return Promise.resolve([]);
    return this.db.selectFrom('dynamique').select(['id', 'type', 'nom']).where('type', 'in', types).execute();
  }

  findByIds(ids: string[]): Promise<DynamicRow[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db.selectFrom('dynamique').select(COLUMNS).where('id', 'in', ids).execute();
  }

  /** Dynamics with a contact at this e-mail, whatever its case (a person's data, RGPD). */
  findByContactEmail(email: string): Promise<DynamicRow[]> {
    return this.db
      .selectFrom('dynamique')
      .select(COLUMNS)
      .where(
        sql<boolean>`exists (select 1 from jsonb_array_elements(coalesce(document->'contacts', '[]'::jsonb)) c
          where lower(c->>'email') = ${email.toLowerCase()})`,
      )
      .orderBy('id')
      .execute();
  }

  async existingIds(ids: string[], db: Db = this.db): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await db.selectFrom('dynamique').select('id').where('id', 'in', ids).execute();
    return new Set(rows.map((r) => r.id));
  }

  /** `version` other than 1 only for a deleted record written again from its history. */
  async insert(trx: Transaction<DB>, w: DynamicWrite, version = 1): Promise<void> {
    await trx
      .insertInto('dynamique')
      .values({
        id: w.id,
        version,
        type: w.type,
        nom: w.nom,
        nom_recherche: w.nomRecherche,
        document: JSON.stringify(w.document),
        date_fin: w.dateFin,
        verifie_le: w.verifieLe,
        verifie_par: w.verifiePar,
      })
      .execute();
    await this.writeDerived(trx, w);
  }

  /** Planner statistics after a bulk write: PGlite has no autovacuum (see BENCHMARKS.md). */
  async analyze(): Promise<void> {
    await sql`analyze dynamique, dynamique_commune, dynamique_periode, historique`.execute(this.db);
  }

  /** Optimistic update: only succeeds when the stored version is still `expectedVersion`. */
  async update(trx: Transaction<DB>, w: DynamicWrite, expectedVersion: number): Promise<boolean> {
    const res = await trx
      .updateTable('dynamique')
      .set({
        type: w.type,
        nom: w.nom,
        nom_recherche: w.nomRecherche,
        document: JSON.stringify(w.document),
        date_fin: w.dateFin,
        verifie_le: w.verifieLe,
        verifie_par: w.verifiePar,
        version: sql`version + 1`,
        modifie_le: sql`now()`,
      })
      .where('id', '=', w.id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) return false;
    await trx.deleteFrom('dynamique_commune').where('dynamique', '=', w.id).execute();
    await trx.deleteFrom('dynamique_periode').where('dynamique', '=', w.id).execute();
    await this.writeDerived(trx, w);
    return true;
  }

  async delete(trx: Transaction<DB>, id: string, expectedVersion: number): Promise<boolean> {
    const res = await trx
      .deleteFrom('dynamique')
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    return Number(res.numDeletedRows) === 1;
  }

  private async writeDerived(trx: Transaction<DB>, w: DynamicWrite) {
    if (w.communes.length > 0) {
      const rows = JSON.stringify(w.communes.map((commune) => ({ dynamique: w.id, commune })));
      await sql`insert into dynamique_commune
        select * from json_populate_recordset(null::dynamique_commune, ${rows}::json)`.execute(trx);
    }
    if (w.periods.length > 0) {
      await trx
        .insertInto('dynamique_periode')
        .values(w.periods.map((p) => ({ dynamique: w.id, statut: p.statut, debut: p.debut, fin: p.fin })))
        .execute();
    }
  }

  async communesOf(ids: string[]): Promise<Map<string, string[]>> {
    const map = new Map<string, string[]>();
    if (ids.length === 0) return map;
    const rows = await this.db
      .selectFrom('dynamique_commune')
      .select(['dynamique', 'commune'])
      .where('dynamique', 'in', ids)
      .orderBy('commune')
      .execute();
    for (const r of rows) {
      const list = map.get(r.dynamique);
      if (list) list.push(r.commune);
      else map.set(r.dynamique, [r.commune]);
    }
    return map;
  }

  async list(f: DynamicListFilters): Promise<{ total: number; rows: DynamicRow[] }> {
    let q = this.db.selectFrom('dynamique as d');
    if (f.types.length > 0) q = q.where('d.type', 'in', f.types);
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('dynamique_periode as p')
          .select(sql.lit(1).as('one'))
          .whereRef('p.dynamique', '=', 'd.id')
          .where('p.debut', '<=', f.date)
          .where((w) => w.or([w('p.fin', 'is', null), w('p.fin', '>', f.date)]))
          .$if(f.statuts.length > 0, (s) => s.where('p.statut', 'in', f.statuts)),
      ),
    );
    for (const t of f.territoires) {
      q = q.where((eb) => {
        const base = eb
          .selectFrom('dynamique_commune as dc')
          .select(sql.lit(1).as('one'))
          .whereRef('dc.dynamique', '=', 'd.id');
        if (t.type === 'commune') return eb.exists(base.where('dc.commune', '=', t.code));
        if (t.type === 'qpv') {
          return eb.exists(
            base.where(
              'dc.commune',
              'in',
              sql<string>`(select commune from qpv_commune where qpv = ${t.code})`,
            ),
          );
        }
        const column = t.type === 'epci' ? 'c.epci' : t.type === 'departement' ? 'c.departement' : 'c.region';
        return eb.exists(
          base
            .innerJoin('commune as c', (j) =>
              j
                .onRef('c.code', '=', 'dc.commune')
                .on('c.nature', 'in', ['commune_actuelle', 'arrondissement_municipal']),
            )
            .where(column, '=', t.code),
        );
      });
    }
    for (const word of f.texte) {
      q = q.where('d.nom_recherche', 'like', `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    }
    const echueOn = (day: string) =>
      sql<boolean>`exists (select 1 from dynamique_periode e where e.dynamique = d.id and e.statut = 'echue'
        and e.debut <= ${day}::date and (e.fin is null or e.fin > ${day}::date))`;
    if (f.fraicheur === 'a_verifier') {
      q = q.where((eb) =>
        eb.or([eb('d.verifie_le', 'is', null), eb('d.verifie_le', '<', f.verifyBefore), echueOn(f.today)]),
      );
    }
    if (f.echeance !== null) {
      // Same rule as renewalDue (domain/registry/in-memory-list.ts): échue from the day after the end date.
      q = q
        .where('d.date_fin', '<=', f.echeance)
        .where(
          sql<boolean>`exists (select 1 from dynamique_periode e where e.dynamique = d.id and e.statut = 'echue'
            and e.debut = d.date_fin + 1)`,
        )
        .where((eb) => eb.or([eb('d.date_fin', '>=', f.today), echueOn(f.today)]));
    }
    if (f.fraicheur === 'a_renouveler') {
      q = q
        .where('d.type', 'in', f.fixedTermKinds)
        .where('d.date_fin', '<=', f.renewBefore)
        .where((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom('dynamique_periode as p2')
                .select(sql.lit(1).as('one'))
                .whereRef('p2.dynamique', '=', 'd.id')
                .where('p2.statut', '=', 'arrete')
                .where('p2.fin', 'is', null),
            ),
          ),
        );
    }
    // Ids only through the count and the sort: with the documents, thousands of wide rows went through
    // the window (spilled to disk past work_mem); the page's records are read afterwards by id.
    const page = await q
      .select(['d.id', sql<number>`count(*) over ()`.as('total')])
      .$if(f.tri === 'verification', (s) => s.orderBy(sql`d.verifie_le desc nulls last`))
      .$if(f.tri !== 'verification', (s) =>
        s.orderBy(
          f.tri === 'modification' ? 'd.modifie_le' : 'd.nom',
          f.tri === 'modification' ? 'desc' : 'asc',
        ),
      )
      .orderBy('d.id')
      .limit(f.limit)
      .offset((f.page - 1) * f.limit)
      .execute();
    const total = Number(page[0]?.total ?? (f.page > 1 ? await this.countOnly(f) : 0));
    const byId = new Map((await this.findByIds(page.map((r) => r.id))).map((r) => [r.id, r]));
    const rows = page.map((r) => byId.get(r.id)).filter((r): r is DynamicRow => r !== undefined);
    return { total, rows };
  }

  /** When the asked page is past the end, the window count is missing: count separately. */
  private async countOnly(f: DynamicListFilters): Promise<number> {
    const { total } = await this.list({ ...f, page: 1, limit: 1 });
    return total;
  }
}
