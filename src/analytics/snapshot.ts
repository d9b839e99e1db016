import { untilWritten, type WriteCounter } from '../db/write-counter.ts';
import type { AnalyticDynamic, CommuneInfo } from '../domain/analytics/model.ts';
import { type DynamicPlaces, placesOf } from '../domain/analytics/places.ts';
import { CoalescedRead } from '../lib/coalesced-read.ts';
import type { RegistryStamp, SnapshotRepository } from './snapshot.repository.ts';

/**
 * Communes by code and grouped by EPCI, département and région, built once per reference load and
 * shared by every snapshot: a snapshot is made after each registry write.
 */
export class ReferenceIndex {
  readonly communes = new Map<string, CommuneInfo>();
  readonly regionOfDepartement = new Map<string, string>();
  /** Current communes (not arrondissements), all of them and by `region:84`, `departement:42`, `epci:…`. */
  readonly current: CommuneInfo[] = [];
  private readonly groups = new Map<string, CommuneInfo[]>();
  /**
   * Places per record object: a patched snapshot keeps the objects of unchanged records, so only
   * written records are placed again (placing all 127,000 covered communes took 25 ms).
   */
  private readonly places = new WeakMap<AnalyticDynamic, DynamicPlaces>();

  constructor(communes: CommuneInfo[]) {
    for (const c of communes) {
      this.communes.set(c.code, c);
      if (c.departement && c.region) this.regionOfDepartement.set(c.departement, c.region);
      if (c.arrondissement) continue;
      this.current.push(c);
      if (c.region) this.group(`region:${c.region}`, c);
      if (c.departement) this.group(`departement:${c.departement}`, c);
      if (c.epci) this.group(`epci:${c.epci}`, c);
    }
  }

  private group(key: string, c: CommuneInfo) {
    const list = this.groups.get(key);
    if (list) list.push(c);
    else this.groups.set(key, [c]);
  }

  groupOf(key: string): readonly CommuneInfo[] {
    return this.groups.get(key) ?? [];
  }

  placesOf(d: AnalyticDynamic): DynamicPlaces {
    let places = this.places.get(d);
    if (!places) {
      places = placesOf(d.communes, (code) => this.communes.get(code));
      this.places.set(d, places);
    }
    return places;
  }
}

/** Past this many communes changed since the base was made, the index is flattened into a new base. */
const FLATTEN_AT = 5_000;

/**
 * Commune → dynamics covering it: a base map and the lists changed since. A snapshot made after a
 * write shares the base and adds its few changed lists, instead of copying 35,000 entries each time.
 */
export class CommuneIndex {
  constructor(
    private readonly base: Map<string, AnalyticDynamic[]>,
    private readonly changed: ReadonlyMap<string, AnalyticDynamic[]> = new Map(),
  ) {}

  get(commune: string): AnalyticDynamic[] | undefined {
    return this.changed.get(commune) ?? this.base.get(commune);
  }

  /** A new index with these lists replaced (an empty list: no dynamic covers the commune any more). */
  with(lists: ReadonlyMap<string, AnalyticDynamic[]>): CommuneIndex {
    const changed = new Map(this.changed);
    for (const [commune, list] of lists) changed.set(commune, list);
    if (changed.size <= FLATTEN_AT) return new CommuneIndex(this.base, changed);
    const flat = new Map(this.base);
    for (const [commune, list] of changed) {
      if (list.length > 0) flat.set(commune, list);
      else flat.delete(commune);
    }
    return new CommuneIndex(flat);
  }
}

/** In-memory registry for national aggregates, with a commune → dynamics index. */
export class Snapshot {
  readonly byCommune: CommuneIndex;
  readonly byId: Map<string, AnalyticDynamic>;
  readonly communes: ReadonlyMap<string, CommuneInfo>;
  readonly regionOfDepartement: ReadonlyMap<string, string>;

  constructor(
    readonly dynamics: AnalyticDynamic[],
    private readonly reference: ReferenceIndex,
    readonly names: Map<string, string>,
    indexes?: { byId: Map<string, AnalyticDynamic>; byCommune: CommuneIndex },
  ) {
    this.communes = reference.communes;
    this.regionOfDepartement = reference.regionOfDepartement;
    if (indexes) {
      this.byId = indexes.byId;
      this.byCommune = indexes.byCommune;
      return;
    }
    this.byId = new Map();
    const byCommune = new Map<string, AnalyticDynamic[]>();
    for (const d of dynamics) {
      this.byId.set(d.id, d);
      for (const c of d.communes) {
        const list = byCommune.get(c);
        if (list) list.push(d);
        else byCommune.set(c, [d]);
      }
    }
    this.byCommune = new CommuneIndex(byCommune);
  }

  /**
   * A new snapshot where the `changed` ids are replaced by their `fresh` record, or removed when absent
   * from it. This one is left untouched (requests may still read it): the id index is copied, the commune
   * index shares its base and carries the rebuilt lists of changed records. Indexing all 127,000 covered
   * communes again after each write took 30 to 70 ms.
   */
  withChanges(changed: Iterable<string>, fresh: ReadonlyMap<string, AnalyticDynamic>): Snapshot {
    const byId = new Map(this.byId);
    const lists = new Map<string, AnalyticDynamic[]>();
    const listOf = (commune: string): AnalyticDynamic[] => {
      let list = lists.get(commune);
      if (!list) {
        list = [...(this.byCommune.get(commune) ?? [])];
        lists.set(commune, list);
      }
      return list;
    };
    for (const id of changed) {
      const old = byId.get(id);
      if (old) {
        byId.delete(id);
        for (const c of old.communes) {
          const list = listOf(c);
          const at = list.indexOf(old);
          if (at >= 0) list.splice(at, 1);
        }
      }
      const d = fresh.get(id);
      if (d) {
        byId.set(id, d);
        for (const c of d.communes) listOf(c).push(d);
      }
    }
    const byCommune = this.byCommune.with(lists);
    return new Snapshot([...byId.values()], this.reference, this.names, { byId, byCommune });
  }

  /** Current communes (not arrondissements) matching a territory filter. */
  communesWhere(filter: {
    region?: string | undefined;
    departement?: string | undefined;
    epci?: string | undefined;
  }): CommuneInfo[] {
    // The narrowest group first, then the other conditions on it.
    const start = filter.epci
      ? this.reference.groupOf(`epci:${filter.epci}`)
      : filter.departement
        ? this.reference.groupOf(`departement:${filter.departement}`)
        : filter.region
          ? this.reference.groupOf(`region:${filter.region}`)
          : this.reference.current;
    return start.filter(
      (c) =>
        (!filter.region || c.region === filter.region) &&
        (!filter.departement || c.departement === filter.departement) &&
        (!filter.epci || c.epci === filter.epci),
    );
  }

  /** EPCI, départements and régions of a dynamic's communes. */
  placesOf(d: AnalyticDynamic): DynamicPlaces {
    return this.reference.placesOf(d);
  }

  /** Dynamics touching any of the communes. */
  touching(communes: Iterable<string>): AnalyticDynamic[] {
    const seen = new Set<AnalyticDynamic>();
    for (const c of communes) for (const d of this.byCommune.get(c) ?? []) seen.add(d);
    return [...seen];
  }

  /** Structures known by their seat only (a CPTS from FINESS), by the commune of that seat; built on demand. */
  private seats: Map<string, AnalyticDynamic[]> | null = null;

  /**
   * Dynamics touching any of the communes, and the structures whose seat only is known lying in one of
   * them: they cover no commune, yet belong to the territory's picture.
   */
  touchingOrSeated(communes: Iterable<string>): AnalyticDynamic[] {
    if (!this.seats) {
      this.seats = new Map();
      for (const d of this.dynamics) {
        if (d.communes.length > 0 || !d.siege) continue;
        const list = this.seats.get(d.siege);
        if (list) list.push(d);
        else this.seats.set(d.siege, [d]);
      }
    }
    const codes = [...communes];
    const found = new Set(this.touching(codes));
    for (const c of codes) for (const d of this.seats.get(c) ?? []) found.add(d);
    return [...found];
  }

  nameOf(type: 'region' | 'departement' | 'epci', code: string): string {
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
  private reference: ReferenceIndex | null = null;
  private names: Map<string, string> | null = null;
  private building: Promise<Snapshot> | null = null;
  /** Every list, profile and analysis reads the stamp: requests arriving together share one read. */
  private readonly stamps: CoalescedRead<RegistryStamp>;

  constructor(
    private readonly repo: SnapshotRepository,
    /** A long write in progress (kernel/changesets/long-writes.ts): its state is not committed yet. */
    private readonly writes?: { readonly active: boolean },
    /** PGlite: a stamp read with no write since is given again (see `WriteCounter`). */
    written?: WriteCounter,
  ) {
    this.stamps = new CoalescedRead(untilWritten(() => repo.stamp(), written));
  }

  async get(): Promise<Snapshot> {
    // While an import or a revert holds the database (PGlite: every query would wait for its commit),
    // the snapshot of before it is the committed state; it is refreshed as the write ends.
    if (this.writes?.active && this.current) return this.current.snapshot;
    return this.refresh();
  }

  /** The reference layers' stamp the snapshot last read was checked against (see `RegistryStamp`). */
  layers(): string {
    return this.current?.stamp.layers ?? '';
  }

  /** The snapshot last read, without asking the database whether it moved (null before the first). */
  latest(): Snapshot | null {
    return this.current?.snapshot ?? null;
  }

  /** The snapshot of the database's current state, read again if it moved. */
  async refresh(): Promise<Snapshot> {
    const stamp = await this.stamps.current();
    // A layer loaded since, maybe by another server: communes and names are read again.
    if (this.current && this.current.stamp.layers !== stamp.layers) this.invalidateReference();
    const current = this.current;
    if (current && sameStamp(current.stamp, stamp)) return current.snapshot;
    this.building ??= (current ? this.patch(current, stamp) : this.build(stamp)).finally(() => {
      this.building = null;
    });
    return this.building;
  }

  private async build(stamp: RegistryStamp): Promise<Snapshot> {
    this.reference ??= new ReferenceIndex(await this.repo.communes());
    this.names ??= await this.repo.territoryNames();
    return this.keep(stamp, await this.repo.dynamics());
  }

  private async patch(
    previous: { stamp: RegistryStamp; snapshot: Snapshot },
    stamp: RegistryStamp,
  ): Promise<Snapshot> {
    if (stamp.changes === previous.stamp.changes) {
      // History of something else (notices, glossary): the registry itself has not moved.
      this.current = { stamp, snapshot: previous.snapshot };
      return previous.snapshot;
    }
    const ids = await this.repo.changedSince(previous.stamp.history);
    // A write that left no history row (by hand in SQL): everything is read again.
    if (ids.length === 0 || ids.length > PATCH_LIMIT) return this.build(stamp);
    const fresh = new Map((await this.repo.dynamics(ids)).map((d) => [d.id, d]));
    const snapshot = previous.snapshot.withChanges(ids, fresh);
    // Such a write beside others that did leave history: the count tells. (A write committed after the
    // stamp was read may also differ; reading everything again is then merely slower.)
    if (snapshot.byId.size !== stamp.count) return this.build(stamp);
    this.current = { stamp, snapshot };
    return snapshot;
  }

  private keep(stamp: RegistryStamp, dynamics: AnalyticDynamic[]): Snapshot {
    const snapshot = new Snapshot(
      dynamics,
      this.reference ?? new ReferenceIndex([]),
      this.names ?? new Map(),
    );
    this.current = { stamp, snapshot };
    return snapshot;
  }

  /** After a reference import: communes and names are read again. */
  invalidateReference() {
    this.reference = null;
    this.names = null;
    this.current = null;
  }
}

function sameStamp(a: RegistryStamp, b: RegistryStamp): boolean {
  return a.history === b.history && a.changes === b.changes;
}
