import type { Config } from './config.ts';
import { type Database, openDatabase } from './db/database.ts';
import { HealthService } from './health/health.service.ts';
import { ReferenceRepository } from './reference/reference.repository.ts';
import { ReferenceService } from './reference/reference.service.ts';
import { TerritoryRepository } from './territories/territory.repository.ts';
import { TerritoryService } from './territories/territory.service.ts';

/** Composition root: one place that builds repositories and services over a database. */
export interface AppContext {
  database: Database;
  services: {
    territories: TerritoryService;
    reference: ReferenceService;
    health: HealthService;
  };
  close(): Promise<void>;
}

export function createContext(database: Database): AppContext {
  const territories = new TerritoryService(new TerritoryRepository(database.db));
  const reference = new ReferenceService(new ReferenceRepository(database.db), () =>
    territories.invalidate(),
  );
  const health = new HealthService(database);
  return {
    database,
    services: { territories, reference, health },
    close: () => database.close(),
  };
}

export async function openContext(config: Pick<Config, 'DATABASE_URL' | 'pgliteDir'>): Promise<AppContext> {
  const database = await openDatabase({ url: config.DATABASE_URL, dataDir: config.pgliteDir });
  return createContext(database);
}
