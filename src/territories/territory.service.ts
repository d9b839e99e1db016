import type { Actor } from '../domain/actor.ts';
import { notFound } from '../domain/errors.ts';
import type { TerritoryDetail, TerritorySearchQuery } from '../domain/territories/schemas.ts';
import { buildTerritoryIndex } from '../domain/territories/territory-index.ts';
import {
  TERRITORY_TYPE_LABELS,
  type TerritoryEntry,
  type TerritoryType,
} from '../domain/territories/types.ts';
import type { SearchIndex } from '../domain/text/search-index.ts';
import type { TerritoryRepository } from './territory.repository.ts';

/** How often a running server checks whether the reference was re-imported by another process. */
const STALE_CHECK_MS = 30_000;

export class TerritoryService {
  private index: SearchIndex<TerritoryEntry> | null = null;
  private indexStamp = '';
  private checkedAt = 0;
  private building: Promise<SearchIndex<TerritoryEntry>> | null = null;

  constructor(private readonly repo: TerritoryRepository) {}

  /** Builds the search index now (at start-up) rather than on the first query. */
  async warm(): Promise<void> {
    await this.currentIndex();
  }

  /** Forget the index, e.g. after a reference import in this process. */
  invalidate(): void {
    this.index = null;
    this.checkedAt = 0;
  }

  async search(_actor: Actor, query: TerritorySearchQuery) {
    const index = await this.currentIndex();
    const filter = query.type ? (t: TerritoryEntry) => t.type === query.type : undefined;
    const hits = index.search(query.q, { limit: query.limit, ...(filter ? { filter } : {}) });
    return hits.map((h) => h.entry);
  }

  async detail(_actor: Actor, type: TerritoryType, code: string): Promise<TerritoryDetail> {
    const found = await this.loadDetail(type, code);
    if (!found)
      throw notFound(`Aucun territoire de type ${TERRITORY_TYPE_LABELS[type]} avec le code « ${code} »`);
    return found;
  }

  private async loadDetail(type: TerritoryType, code: string): Promise<TerritoryDetail | null> {
    const repo = this.repo;
    switch (type) {
      case 'region': {
        const r = await repo.findRegion(code);
        if (!r) return null;
        return {
          type,
          code,
          nom: r.nom,
          population: r.population,
          parents: [],
          enfants: await repo.departementsOfRegion(code),
        };
      }
      case 'departement': {
        const d = await repo.findDepartement(code);
        if (!d) return null;
        return {
          type,
          code,
          nom: d.nom,
          population: d.population,
          parents: await repo.refsOf([{ type: 'region', code: d.region }]),
          enfants: await repo.communesWhere('departement', code, ['commune_actuelle']),
        };
      }
      case 'epci': {
        const e = await repo.findEpci(code);
        if (!e) return null;
        return {
          type,
          code,
          nom: e.nom,
          population: e.population,
          parents: await repo.parentsOfEpci(code),
          enfants: await repo.communesWhere('epci', code, ['commune_actuelle']),
        };
      }
      case 'commune': {
        const c = await repo.findCommune(code);
        if (!c) return null;
        const parentCommune = c.commune_parent ? await this.communeRef(c.commune_parent) : [];
        const enfants =
          c.nature === 'commune_actuelle'
            ? await repo.communesWhere('commune_parent', code, [
                'arrondissement_municipal',
                'commune_deleguee',
                'commune_associee',
              ])
            : [];
        return {
          type,
          code,
          nom: c.nom,
          population: c.population,
          nature: c.nature,
          codesPostaux: c.codes_postaux,
          parents: [
            ...parentCommune,
            ...(await repo.refsOf([
              { type: 'epci', code: c.epci },
              { type: 'departement', code: c.departement },
              { type: 'region', code: c.region },
            ])),
          ],
          enfants: enfants.filter((e) => !(e.code === code && e.nature !== 'arrondissement_municipal')),
        };
      }
      case 'qpv':
        return null;
    }
  }

  private async communeRef(code: string) {
    const c = await this.repo.findCommune(code);
    return c ? [{ type: 'commune' as const, code: c.code, nom: c.nom, nature: c.nature }] : [];
  }

  private async currentIndex(): Promise<SearchIndex<TerritoryEntry>> {
    const now = Date.now();
    if (this.index && now - this.checkedAt < STALE_CHECK_MS) return this.index;
    this.checkedAt = now;
    const stamp = await this.repo.referenceStamp();
    if (this.index && stamp === this.indexStamp) return this.index;
    this.building ??= this.repo.listEntries().then((entries) => {
      this.index = buildTerritoryIndex(entries);
      this.indexStamp = stamp;
      this.building = null;
      return this.index;
    });
    return this.building;
  }
}
