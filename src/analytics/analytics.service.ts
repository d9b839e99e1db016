import type { Actor } from '../domain/actor.ts';
import { configurationMatrix } from '../domain/analytics/configurations.ts';
import { countByTerritory } from '../domain/analytics/counts.ts';
import { coverageByKind, uncoveredCommunes } from '../domain/analytics/coverage.ts';
import { evolutionBetween } from '../domain/analytics/evolution.ts';
import { type AnalyticDynamic, type CommuneInfo, isLiveAt } from '../domain/analytics/model.ts';
import type {
  ArticulationQuery,
  ConfigurationsQuery,
  CountsQuery,
  CoverageQuery,
  EvolutionQuery,
} from '../domain/analytics/schemas.ts';
import { notFound } from '../domain/errors.ts';
import { DYNAMIC_KINDS } from '../domain/registry/kinds.ts';
import { todayIso } from '../domain/registry/timeline.ts';
import { LruMap } from '../lib/lru-map.ts';
import type { SnapshotRepository } from './snapshot.repository.ts';
import type { Snapshot, SnapshotCache } from './snapshot.ts';

type CoverageResult = ReturnType<AnalyticsService['computeCoverage']>;

interface Scope {
  region?: string | undefined;
  departement?: string | undefined;
  territoire?: { type: 'region' | 'departement' | 'epci' | 'commune'; code: string } | undefined;
}

const UNKNOWN: Record<string, string> = {
  region: 'Aucune région',
  departement: 'Aucun département',
  epci: 'Aucun EPCI',
  commune: 'Aucune commune',
};

/** The communes of a scope; `territoire` (any level) takes the place of region/departement. */
function communesOf(s: Snapshot, scope: Scope): CommuneInfo[] {
  const t = scope.territoire;
  if (!t) return s.communesWhere(scope);
  const found =
    t.type === 'commune'
      ? [s.communes.get(t.code)].filter((c): c is CommuneInfo => c !== undefined)
      : s.communesWhere({ [t.type]: t.code });
  if (found.length === 0) throw notFound(`${UNKNOWN[t.type]} avec le code « ${t.code} »`);
  return found;
}

/** National and regional aggregates over the in-memory snapshot of the registry. */
export class AnalyticsService {
  /**
   * Coverage answers of the current snapshot, by question: the map asks the same one (coverage of a
   * kind by département) for every visitor. A write makes a new snapshot, hence a new, empty table.
   */
  private readonly coverageKept = new WeakMap<Snapshot, LruMap<string, CoverageResult>>();

  constructor(
    private readonly cache: SnapshotCache,
    private readonly repo: SnapshotRepository,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  private today() {
    return todayIso(this.clock());
  }

  snapshot(): Promise<Snapshot> {
    return this.cache.get();
  }

  /** Dynamics touching the scope (all of them without a filter). */
  private inScope(s: Snapshot, scope: Scope): AnalyticDynamic[] {
    if (!scope.region && !scope.departement && !scope.territoire) return s.dynamics;
    return s.touching(communesOf(s, scope).map((c) => c.code));
  }

  async counts(_actor: Actor, q: CountsQuery) {
    const s = await this.snapshot();
    const date = q.date ?? this.today();
    // A territory of any level keeps the régions or départements it lies in.
    const within = q.territoire ? new Set(communesOf(s, q).map((c) => c[q.niveau])) : null;
    const keep = (t: string) => {
      if (within) return within.has(t);
      if (q.niveau === 'region') return !q.region || t === q.region;
      return (
        (!q.departement || t === q.departement) && (!q.region || s.regionOfDepartement.get(t) === q.region)
      );
    };
    const rows = countByTerritory(
      this.inScope(s, q),
      (d) => s.placesOf(d)[q.niveau],
      date,
      keep,
      q.types ?? null,
    );
    // Declared counts are regional or departmental figures: nothing comparable for an EPCI or a commune.
    const level = q.territoire?.type;
    const declared =
      level === 'epci' || level === 'commune'
        ? []
        : await this.repo.declaredCounts({
            region: level === 'region' ? q.territoire?.code : q.region,
            types: q.types,
          });
    return {
      date,
      niveau: q.niveau,
      total: rows.length,
      items: rows.map((r) => ({
        territoire: { type: q.niveau, code: r.territoire, nom: s.nameOf(q.niveau, r.territoire) },
        type: r.type,
        statut: r.statut,
        nombre: r.nombre,
      })),
      declares: declared.map((d) => ({
        region: d.region,
        departement: d.departement,
        type: d.type,
        nombre: d.nombre,
        date: d.date,
        source: d.source,
        note: d.note,
      })),
    };
  }

  async configurations(_actor: Actor, q: ConfigurationsQuery) {
    const s = await this.snapshot();
    const date = q.date ?? this.today();
    const bases = this.inScope(s, q).filter((d) => d.type === q.base);
    const result = configurationMatrix({
      base: q.base,
      avec: q.avec.filter((k) => k !== q.base),
      date,
      bases,
      byCommune: (c) => s.byCommune.get(c) ?? [],
    });
    // Names of the dynamics each configuration lists, so that the matrix links to them.
    const noms = Object.fromEntries(bases.map((d) => [d.id, d.nom]));
    return { date, base: q.base, avec: q.avec, ...result, noms };
  }

  async coverage(_actor: Actor, q: CoverageQuery): Promise<CoverageResult> {
    const s = await this.snapshot();
    const date = q.date ?? this.today();
    let kept = this.coverageKept.get(s);
    if (!kept) {
      kept = new LruMap(32);
      this.coverageKept.set(s, kept);
    }
    const key = JSON.stringify([date, q]);
    const found = kept.get(key);
    if (found) return found;
    const result = this.computeCoverage(s, q, date);
    kept.set(key, result);
    return result;
  }

  private computeCoverage(s: Snapshot, q: CoverageQuery, date: string) {
    const kinds = q.types ?? DYNAMIC_KINDS.filter((k) => k !== 'AUTRE');
    const groups = new Map<string, CommuneInfo[]>();
    for (const c of communesOf(s, q)) {
      const key = q.niveau === 'commune' ? c.code : c[q.niveau];
      if (!key) continue;
      const list = groups.get(key);
      if (list) list.push(c);
      else groups.set(key, [c]);
    }
    const items = [];
    for (const [code, communes] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
      const dyn = s.touching(communes.map((c) => c.code));
      const cov = coverageByKind(communes, dyn, kinds, date);
      const blanches = uncoveredCommunes(communes, dyn, kinds, date);
      const nom =
        q.niveau === 'epci'
          ? code
          : q.niveau === 'commune'
            ? (communes[0]?.nom ?? code)
            : s.nameOf(q.niveau, code);
      for (const kind of kinds) {
        const k = cov[kind];
        if (!k) continue;
        items.push({ territoire: { type: q.niveau, code, nom }, type: kind, ...k });
      }
      items.push({
        territoire: { type: q.niveau, code, nom },
        type: 'ZONE_BLANCHE',
        communes: blanches.length,
        population: blanches.reduce((sum, c) => sum + c.population, 0),
        partCommunes: blanches.length / communes.length,
        partPopulation: share(blanches, communes),
      });
    }
    return { date, niveau: q.niveau, total: items.length, items };
  }

  async articulation(_actor: Actor, q: ArticulationQuery) {
    const s = await this.snapshot();
    const date = q.date ?? this.today();
    const pairs = [];
    for (const a of this.inScope(s, q)) {
      if (a.type !== q.a || !isLiveAt(a, date)) continue;
      const shared = new Map<AnalyticDynamic, number>();
      for (const c of a.communes) {
        for (const b of s.byCommune.get(c) ?? []) {
          if (b.type === q.b && b.id !== a.id && isLiveAt(b, date)) shared.set(b, (shared.get(b) ?? 0) + 1);
        }
      }
      for (const [b, n] of shared) {
        const links = [
          ...a.liens.filter((l) => l.cible === b.id),
          ...b.liens.filter((l) => l.cible === a.id),
        ];
        pairs.push({
          a: { id: a.id, type: a.type, nom: a.nom },
          b: { id: b.id, type: b.type, nom: b.nom },
          communesCommunes: n,
          partA: n / a.communes.length,
          partB: n / b.communes.length,
          liens: links.map((l) => l.type),
        });
      }
    }
    pairs.sort((x, y) => y.partA - x.partA || x.a.nom.localeCompare(y.a.nom, 'fr'));
    return { date, total: pairs.length, items: pairs };
  }

  async evolution(_actor: Actor, q: EvolutionQuery) {
    const s = await this.snapshot();
    const jusqua = q.jusqua ?? this.today();
    return { depuis: q.depuis, jusqua, ...evolutionBetween(this.inScope(s, q), q.depuis, jusqua) };
  }
}

function share(part: CommuneInfo[], all: CommuneInfo[]): number {
  const total = all.reduce((s, c) => s + c.population, 0);
  return total === 0 ? 0 : part.reduce((s, c) => s + c.population, 0) / total;
}

/** Reports read snapshots through this service. */
export type { Snapshot } from './snapshot.ts';
