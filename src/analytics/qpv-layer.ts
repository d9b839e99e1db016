import type { QpvInfo } from '../domain/analytics/qpv-coverage.ts';
import type { QpvCommunes } from './profile.service.ts';

/** Where the QPV layer is read from (the perimeter repository). */
export interface QpvRows {
  allQpv(): Promise<
    { code: string; nom: string; population: number | null; generation: string; commune: string }[]
  >;
}

interface QpvTables {
  byCode: Map<string, QpvInfo>;
  /** QPV of the latest generation by commune. */
  latestByCommune: Map<string, QpvInfo[]>;
}

/**
 * The QPV layer in memory for territory profiles (a few thousand rows): a profile never asked before
 * then costs no query for its QPV. Read again when the reference layers' stamp moves (`stamp`, read by
 * the snapshot every profile waits for) or when this process loads a layer (`invalidate`).
 */
export class QpvLayer implements QpvCommunes {
  private tables: { stamp: string; value: Promise<QpvTables> } | null = null;

  constructor(
    private readonly rows: QpvRows,
    private readonly stamp: () => string,
  ) {}

  invalidate(): void {
    this.tables = null;
  }

  async qpvCommunes(codes: string[]): Promise<Map<string, string[]>> {
    const { byCode } = await this.current();
    const out = new Map<string, string[]>();
    for (const code of codes) {
      const q = byCode.get(code);
      if (q) out.set(code, [...q.communes]);
    }
    return out;
  }

  async qpvOfCommunes(communes: string[]): Promise<QpvInfo[]> {
    const { latestByCommune } = await this.current();
    const found = new Map<string, QpvInfo>();
    for (const c of communes) for (const q of latestByCommune.get(c) ?? []) found.set(q.code, q);
    return [...found.values()]
      .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
      .map((q) => ({ ...q, communes: [...q.communes] }));
  }

  private current(): Promise<QpvTables> {
    const stamp = this.stamp();
    if (this.tables?.stamp !== stamp) {
      const value = this.read();
      this.tables = { stamp, value };
      // A failed read is tried again by the next profile.
      value.catch(() => {
        if (this.tables?.value === value) this.tables = null;
      });
    }
    return this.tables.value;
  }

  private async read(): Promise<QpvTables> {
    const byCode = new Map<string, QpvInfo & { generation: string }>();
    for (const r of await this.rows.allQpv()) {
      const q = byCode.get(r.code);
      if (q) q.communes.push(r.commune);
      else
        byCode.set(r.code, {
          code: r.code,
          nom: r.nom,
          population: r.population,
          communes: [r.commune],
          generation: r.generation,
        });
    }
    let latest = '';
    for (const q of byCode.values()) if (q.generation > latest) latest = q.generation;
    const latestByCommune = new Map<string, QpvInfo[]>();
    const plain = new Map<string, QpvInfo>();
    for (const { generation, ...q } of byCode.values()) {
      plain.set(q.code, q);
      if (generation !== latest) continue;
      for (const c of q.communes) {
        const list = latestByCommune.get(c);
        if (list) list.push(q);
        else latestByCommune.set(c, [q]);
      }
    }
    return { byCode: plain, latestByCommune };
  }
}
