import { sql } from 'kysely';
import type { Database } from '../db/database.ts';
import type { LongWrites } from '../kernel/changesets/long-writes.ts';

export interface HealthReport {
  status: 'ok';
  database: 'pglite' | 'postgres';
  reference: Record<string, number>;
}

/**
 * Counts current communes only: déléguées, associées and arrondissements are kept but not counted.
 * `qpv` is 0 until the optional QPV layer is imported.
 */
export class HealthService {
  /** The reference counts, answered from the last reading while a long write holds the database. */
  readonly report: () => Promise<HealthReport>;

  constructor(
    private readonly database: Database,
    writes?: LongWrites,
  ) {
    this.report = writes ? writes.remembered(() => this.read()) : () => this.read();
  }

  private async read(): Promise<HealthReport> {
    const { rows } = await sql<{
      regions: number;
      departements: number;
      epci: number;
      communes: number;
      qpv: number;
    }>`
      select
        (select count(*) from region) as regions,
        (select count(*) from departement) as departements,
        (select count(*) from epci) as epci,
        (select count(*) from commune where nature = 'commune_actuelle') as communes,
        (select count(*) from qpv) as qpv
    `.execute(this.database.db);
    const counts = rows[0] ?? { regions: 0, departements: 0, epci: 0, communes: 0, qpv: 0 };
    return { status: 'ok', database: this.database.kind, reference: counts };
  }
}
