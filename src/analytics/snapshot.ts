import type { AnalyticDynamic, CommuneInfo } from '../domain/analytics/model.ts';
import type { RegistryStamp, SnapshotRepository } from './snapshot.repository.ts';

/** In-memory registry for national aggregates, with a commune → dynamics index. */
export class Snapshot {
  readonly byCommune = new Map<string, AnalyticDynamic[]>();
  readonly byId = new Map<string, AnalyticDynamic>();
  readonly communes = new Map<string, CommuneInfo>();
  readonly regionOfDepartement = new Map<string, string>();

  constructor(
    readonly dynamics: AnalyticDynamic[],
    communes: CommuneInfo[],
    readonly names: Map<string, string>,
  ) {
    for (const c of communes) {
      this.communes.set(c.code, c);
      if (c.departement && c.region) this.regionOfDepartement.set(c.departement, c.region);
    }
    for (const d of dynamics) {
      this.byId.set(d.id, d);
      for (const c of d.communes) {
        const list = this.byCommune.get(c);
        if (list) list.push(d);
        else this.byCommune.set(c, [d]);
      }
    }
  }

  /** Current communes (not arrondissements) matching a territory filter. */
  communesWhere(filter: {
    region?: string | undefined;
    departement?: string | undefined;
    epci?: string | undefined;
  }) {
    const out: CommuneInfo[] = [];
    for (const c of this.communes.values()) {
      if (c.arrondissement) continue;
      if (filter.region && c.region !== filter.region) continue;
      if (filter.departement && c.departement !== filter.departement) continue;
      if (filter.epci && c.epci !== filter.epci) continue;
      out.push(c);
    }
    return out;
  }

  /** Dynamics touching any of the communes. */
  touching(communes: Iterable<string>): AnalyticDynamic[] {
    const seen = new Set<AnalyticDynamic>();
    for (const c of communes) for (const d of this.byCommune.get(c) ?? []) seen.add(d);
    return [...seen];
  }

  nameOf(type: 'region' | 'departement', code: string): string {
    return this.names.get(`${type}:${code}`) ?? code;
  }
}

/** Past this many changed dynamics, reading the whole registry again is simpler than patching. */
const PATCH_LIMIT = 2_000;

/**
 * Keeps one snapshot per database state. After a write, only the dynamics changed since (found in the
 * history) are read again and patched into a new snapshot: reading all 10,000 took about a second.
 */
export class SnapshotCache {
  private current: { stamp: RegistryStamp; snapshot: Snapshot } | null = null;
  private communes: CommuneInfo[] | null = null;
  private names: Map<string, string> | null = null;
  private building: Promise<Snapshot> | null = null;

  constructor(private readonly repo: SnapshotRepository) {}

  async get(): Promise<Snapshot> {
    const stamp = await this.repo.stamp();
    const current = this.current;
    if (current && sameStamp(current.stamp, stamp)) return current.snapshot;
    this.building ??= (current ? this.patch(current, stamp) : this.build(stamp)).finally(() => {
      this.building = null;
    });
    return this.building;
  }

  private async build(stamp: RegistryStamp): Promise<Snapshot> {
    this.communes ??= await this.repo.communes();
    this.names ??= await this.repo.territoryNames();
    return this.keep(stamp, await this.repo.dynamics());
  }

  private async patch(
    previous: { stamp: RegistryStamp; snapshot: Snapshot },
    stamp: RegistryStamp,
  ): Promise<Snapshot> {
    const ids = await this.repo.changedSince(previous.stamp.history);
    if (ids.length > PATCH_LIMIT) return this.build(stamp);
    const fresh = new Map((await this.repo.dynamics(ids)).map((d) => [d.id, d]));
    const changed = new Set(ids);
    const dynamics: AnalyticDynamic[] = [];
    for (const d of previous.snapshot.dynamics) {
      if (!changed.has(d.id)) dynamics.push(d);
      else if (fresh.has(d.id)) dynamics.push(fresh.get(d.id) as AnalyticDynamic);
      fresh.delete(d.id);
    }
    dynamics.push(...fresh.values());
    // A write that left no history row (by hand in SQL): the count tells, and everything is read again.
    if (dynamics.length !== stamp.count) return this.build(stamp);
    return this.keep(stamp, dynamics);
  }

  private keep(stamp: RegistryStamp, dynamics: AnalyticDynamic[]): Snapshot {
    const snapshot = new Snapshot(dynamics, this.communes ?? [], this.names ?? new Map());
    this.current = { stamp, snapshot };
    return snapshot;
  }

  /** After a reference import: communes and names are read again. */
  invalidateReference() {
    this.communes = null;
    this.names = null;
    this.current = null;
  }
}

function sameStamp(a: RegistryStamp, b: RegistryStamp): boolean {
  return a.history === b.history && a.count === b.count;
}
