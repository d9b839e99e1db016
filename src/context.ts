import type { Config } from './config.ts';
import { type Database, openDatabase } from './db/database.ts';
import { HealthService } from './health/health.service.ts';
import { ReferenceRepository } from './reference/reference.repository.ts';
import { ReferenceService } from './reference/reference.service.ts';
import { DynamicWriter } from './registry/dynamic-writer.ts';
import { RegistryExports } from './registry/exports/registry-exports.ts';
import { HistoryRepository } from './registry/history.repository.ts';
import { PerimeterRepository } from './registry/perimeter.repository.ts';
import { RegistryRepository } from './registry/registry.repository.ts';
import { RegistryService } from './registry/registry.service.ts';
import { TerritoryRepository } from './territories/territory.repository.ts';
import { TerritoryService } from './territories/territory.service.ts';

/** Composition root: one place that builds repositories and services over a database. */
export interface AppContext {
  database: Database;
  services: {
    territories: TerritoryService;
    reference: ReferenceService;
    health: HealthService;
    registry: RegistryService;
    registryExports: RegistryExports;
  };
  close(): Promise<void>;
}

export function createContext(database: Database): AppContext {
  const territories = new TerritoryService(new TerritoryRepository(database.db));
  const reference = new ReferenceService(new ReferenceRepository(database.db), () =>
    territories.invalidate(),
  );
  const health = new HealthService(database);
  const registryRepo = new RegistryRepository(database.db);
  const registry = new RegistryService(
    registryRepo,
    new HistoryRepository(database.db),
    new DynamicWriter(new PerimeterRepository(database.db), registryRepo),
  );
  const registryExports = new RegistryExports(registry);
  return {
    database,
    services: { territories, reference, health, registry, registryExports },
    close: () => database.close(),
  };
}

export async function openContext(config: Pick<Config, 'DATABASE_URL' | 'pgliteDir'>): Promise<AppContext> {
  const database = await openDatabase({ url: config.DATABASE_URL, dataDir: config.pgliteDir });
  return createContext(database);
}
