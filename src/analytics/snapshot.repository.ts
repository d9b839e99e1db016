import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { AnalyticDynamic, CommuneInfo } from '../domain/analytics/model.ts';
import type { DynamicInput } from '../domain/registry/schemas.ts';
import type { StatusPeriod } from '../domain/registry/timeline.ts';
import type { DynamicRow } from '../registry/registry.service.ts';

/**
 * The stored row each snapshot entry was read from: lists and profiles present their records from it
 * instead of reading the database (which a long write may hold). Kept as long as the entry (the
 * snapshot) is.
 */
export const storedRowOf = new WeakMap<AnalyticDynamic, DynamicRow>();

/** Where the registry stands: the last history row and the count of statements that changed it. */
export interface RegistryStamp {
  history: number;
  changes: number;
  /** Number of dynamics, kept by triggers (migration 0012). */
  count: number;
  /**
   * Reference layers loaded (count, last load) and statements on the QPV tables (migration 0037):
   * communes, QPV and names are read again when it moves.
   */
  layers: string;
}

/** Reads everything analyses need in three queries; the service keeps the result in memory. */
export class SnapshotRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /**
   * Changes whenever a dynamic is written: every write through the services adds a history row, and
   * every statement on the registry tables, by hand in SQL too, bumps `registry_stamp` (migration 0011);
   * and whenever a reference layer is loaded, on any server.
   */
  async stamp(): Promise<RegistryStamp> {
    const { rows } = await sql<{ h: number; n: number; d: number; l: string }>`
      select (select coalesce(max(id), 0) from historique) as h, s.changes as n, s.dynamiques as d,
        (select count(*) || ':' || coalesce(max(loaded_at)::text, '') from reference_layer)
          || ':' || (select changes from layer_stamp) as l
      from registry_stamp s`.execute(this.db);
    const row = rows[0];
    return {
      history: Number(row?.h ?? 0),
      changes: Number(row?.n ?? 0),
      count: Number(row?.d ?? 0),
      layers: row?.l ?? '',
    };
  }

  /** Dynamics with a history row after `historyId`: written, created or removed since that stamp. */
  async changedSince(historyId: number): Promise<string[]> {
    const rows = await this.db
      .selectFrom('historique')
      .select('entite_id')
      .distinct()
      .where('id', '>', historyId)
      .where('entite', '=', 'dynamique')
      .execute();
    return rows.map((r) => r.entite_id);
  }

  /** Every dynamic, or only those of `ids` (the missing ones were removed). */
  async dynamics(ids?: string[]): Promise<AnalyticDynamic[]> {
    if (ids?.length === 0) return [];
    const only = ids ? new Set(ids) : null;
    const [docs, communes, periods] = await Promise.all([
      this.db
        .selectFrom('dynamique')
        .select([
          'id',
          'type',
          'nom',
          'nom_recherche',
          'document',
          'date_fin',
          'verifie_le',
          'verifie_par',
          'version',
          'cree_le',
          'modifie_le',
        ])
        .$if(only !== null, (q) => q.where('id', 'in', ids as string[]))
        .execute(),
      this.db
        .selectFrom('dynamique_commune')
        .select(['dynamique', 'commune'])
        .$if(only !== null, (q) => q.where('dynamique', 'in', ids as string[]))
        .execute(),
      this.db
        .selectFrom('dynamique_periode')
        .select(['dynamique', 'statut', 'debut', 'fin'])
        .$if(only !== null, (q) => q.where('dynamique', 'in', ids as string[]))
        .orderBy('debut')
        .execute(),
    ]);
    const communesOf = new Map<string, string[]>();
    for (const r of communes) {
      const list = communesOf.get(r.dynamique);
      if (list) list.push(r.commune);
      else communesOf.set(r.dynamique, [r.commune]);
    }
    const periodsOf = new Map<string, StatusPeriod[]>();
    for (const p of periods) {
      const item = { statut: p.statut as StatusPeriod['statut'], debut: p.debut, fin: p.fin };
      const list = periodsOf.get(p.dynamique);
      if (list) list.push(item);
      else periodsOf.set(p.dynamique, [item]);
    }
    // In code order, as the registry presents a perimeter (records are presented from these lists).
    for (const list of communesOf.values()) list.sort();
    return docs.map((d) => {
      const doc = d.document as DynamicInput;
      const entry: AnalyticDynamic = {
        id: d.id,
        type: doc.type,
        nom: d.nom,
        communes: communesOf.get(d.id) ?? [],
        periods: periodsOf.get(d.id) ?? [],
        coordination: doc.coordination ?? [],
        liens: doc.liens ?? [],
        porteur: doc.porteur ?? null,
        dateFin: d.date_fin,
        version: d.version,
        nomRecherche: d.nom_recherche,
        verifieLe: d.verifie_le,
        siege: doc.specifique?.perimetreAPreciser ? (doc.specifique.communeAdresse ?? null) : null,
      };
      storedRowOf.set(entry, {
        id: d.id,
        type: d.type,
        nom: d.nom,
        document: d.document,
        version: d.version,
        verifie_le: d.verifie_le,
        verifie_par: d.verifie_par,
        cree_le: d.cree_le,
        modifie_le: d.modifie_le,
      });
      return entry;
    });
  }

  /** Every id in the order of a registry list sort, as the database's collation has it. */
  async listOrder(tri: 'nom' | 'modification' | 'verification'): Promise<string[]> {
    const rows = await this.db
      .selectFrom('dynamique')
      .select('id')
      .$if(tri === 'verification', (q) => q.orderBy(sql`verifie_le desc nulls last`))
      .$if(tri !== 'verification', (q) =>
        q.orderBy(tri === 'modification' ? 'modifie_le' : 'nom', tri === 'modification' ? 'desc' : 'asc'),
      )
      .orderBy('id')
      .execute();
    return rows.map((r) => r.id);
  }

  async communes(): Promise<CommuneInfo[]> {
    const rows = await this.db
      .selectFrom('commune')
      .select(['code', 'nom', 'population', 'epci', 'departement', 'region', 'nature'])
      .where('nature', 'in', ['commune_actuelle', 'arrondissement_municipal'])
      .execute();
    return rows.map((r) => ({
      code: r.code,
      nom: r.nom,
      // Arrondissements carry no population of their own here: their city already counts it.
      population: r.nature === 'commune_actuelle' ? (r.population ?? 0) : 0,
      epci: r.epci,
      departement: r.departement,
      region: r.region,
      arrondissement: r.nature === 'arrondissement_municipal',
    }));
  }

  async territoryNames(): Promise<Map<string, string>> {
    const [regions, deps, epci] = await Promise.all([
      this.db.selectFrom('region').select(['code', 'nom']).execute(),
      this.db.selectFrom('departement').select(['code', 'nom']).execute(),
      this.db.selectFrom('epci').select(['code', 'nom']).execute(),
    ]);
    return new Map([
      ...regions.map((r) => [`region:${r.code}`, r.nom] as const),
      ...deps.map((d) => [`departement:${d.code}`, d.nom] as const),
      ...epci.map((e) => [`epci:${e.code}`, e.nom] as const),
    ]);
  }

  declaredCounts(filter: { region?: string | undefined; types?: string[] | undefined }) {
    let q = this.db.selectFrom('declared_count').selectAll();
    if (filter.region) q = q.where('region', '=', filter.region);
    if (filter.types && filter.types.length > 0) q = q.where('type', 'in', filter.types);
    return q.orderBy('region').orderBy('type').execute();
  }
}
