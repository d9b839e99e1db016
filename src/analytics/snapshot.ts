import type { AnalyticDynamic, CommuneInfo } from '../domain/analytics/model.ts';
import type { SnapshotRepository } from './snapshot.repository.ts';

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

/** Keeps one snapshot per database state; rebuilt when the registry changes. */
export class SnapshotCache {
  private current: { stamp: string; snapshot: Snapshot } | null = null;
  private communes: CommuneInfo[] | null = null;
  private names: Map<string, string> | null = null;
  private building: Promise<Snapshot> | null = null;

  constructor(private readonly repo: SnapshotRepository) {}

  async get(): Promise<Snapshot> {
    const stamp = await this.repo.stamp();
    if (this.current?.stamp === stamp) return this.current.snapshot;
    this.building ??= this.build(stamp).finally(() => {
      this.building = null;
    });
    return this.building;
  }

  private async build(stamp: string): Promise<Snapshot> {
    this.communes ??= await this.repo.communes();
    this.names ??= await this.repo.territoryNames();
    const snapshot = new Snapshot(await this.repo.dynamics(), this.communes, this.names);
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
