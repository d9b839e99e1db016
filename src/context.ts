import { AnalyticsService } from './analytics/analytics.service.ts';
import { ProfileService } from './analytics/profile.service.ts';
import { SnapshotRepository } from './analytics/snapshot.repository.ts';
import { SnapshotCache } from './analytics/snapshot.ts';
import { SnapshotListSource } from './analytics/snapshot-list-source.ts';
import { AccountRepository } from './auth/account.repository.ts';
import { AuthService } from './auth/auth.service.ts';
import { type Config, DEFAULT_CHROMIUM_PATH } from './config.ts';
import { ContoursRepository } from './contours/contours.repository.ts';
import { ContoursService } from './contours/contours.service.ts';
import { type Database, openDatabase } from './db/database.ts';
import { HealthService } from './health/health.service.ts';
import { ChangeSetRepository } from './kernel/changesets/change-set.repository.ts';
import { ChangeSetService } from './kernel/changesets/change-set.service.ts';
import { PdfRenderer } from './kernel/documents/pdf-renderer.ts';
import { AuditService } from './kernel/history/audit.service.ts';
import { HistoryRepository } from './kernel/history/history.repository.ts';
import { ReferenceReader } from './reference/reference.reader.ts';
import { ReferenceRepository } from './reference/reference.repository.ts';
import { ReferenceService } from './reference/reference.service.ts';
import { ContratsVilleSyncService } from './registry/contrats-ville-sync.ts';
import { DeclaredCountRepository } from './registry/declared-counts.repository.ts';
import { DeclaredCountService } from './registry/declared-counts.service.ts';
import { DynamicWriter } from './registry/dynamic-writer.ts';
import { ContourRepository } from './registry/exports/contour.repository.ts';
import { RegistryExports } from './registry/exports/registry-exports.ts';
import { DynamicImportService } from './registry/imports/dynamic-import.service.ts';
import { TerritoryNamesRepository } from './registry/imports/territory-names.repository.ts';
import { dynamicRevert } from './registry/lots/dynamic-revert.ts';
import { PerimeterRepository } from './registry/perimeter.repository.ts';
import { RegistryRepository } from './registry/registry.repository.ts';
import { RegistryService } from './registry/registry.service.ts';
import { ReportService } from './reports/report.service.ts';
import { createResourceServices, type ResourceServices } from './resources/resources.context.ts';
import { TerritoryRepository } from './territories/territory.repository.ts';
import { TerritoryService } from './territories/territory.service.ts';

/** Composition root: one place that builds repositories and services over a database. */
export interface AppContext {
  database: Database;
  services: {
    territories: TerritoryService;
    reference: ReferenceService;
    contours: ContoursService;
    health: HealthService;
    registry: RegistryService;
    registryExports: RegistryExports;
    declaredCounts: DeclaredCountService;
    imports: DynamicImportService;
    lots: ChangeSetService;
    contratsVille: ContratsVilleSyncService;
    analytics: AnalyticsService;
    profiles: ProfileService;
    reports: ReportService;
    resources: ResourceServices;
    auth: AuthService;
    audit: AuditService;
  };
  close(): Promise<void>;
}

/** Settings from the configuration that services need beyond the database. */
export interface ContextSettings {
  chromiumPath?: string | undefined;
}

export function createContext(database: Database, settings: ContextSettings = {}): AppContext {
  const territories = new TerritoryService(new TerritoryRepository(database.db));
  const reference = new ReferenceService(
    new ReferenceRepository(database.db),
    () => {
      territories.invalidate();
      // Profiles, analyses and lists place communes with the reference: read it again.
      snapshotCache.invalidateReference();
    },
    new ReferenceReader(database.db),
  );
  const health = new HealthService(database);
  const registryRepo = new RegistryRepository(database.db);
  const snapshots = new SnapshotRepository(database.db);
  const snapshotCache = new SnapshotCache(snapshots);
  const registry = new RegistryService(
    registryRepo,
    new HistoryRepository(database.db),
    new DynamicWriter(new PerimeterRepository(database.db), registryRepo),
    new SnapshotListSource(snapshotCache, snapshots),
  );
  const registryExports = new RegistryExports(registry, new ContourRepository(database.db));
  const declaredCounts = new DeclaredCountService(new DeclaredCountRepository(database.db));
  const changeSet = {
    repo: registryRepo,
    history: new HistoryRepository(database.db),
    writer: new DynamicWriter(new PerimeterRepository(database.db), registryRepo),
    lots: new ChangeSetRepository(database.db),
  };
  const imports = new DynamicImportService({
    ...changeSet,
    names: new TerritoryNamesRepository(database.db),
  });
  const lots = new ChangeSetService(changeSet.lots, changeSet.history);
  lots.register(dynamicRevert(registryRepo, changeSet.writer));
  const contratsVille = new ContratsVilleSyncService(changeSet, () => reference.listContratsVille());
  const analytics = new AnalyticsService(snapshotCache, snapshots);
  // One Chromium printer for every generated PDF (reports and sélections).
  const pdf = new PdfRenderer(settings.chromiumPath ?? DEFAULT_CHROMIUM_PATH);
  const resources = createResourceServices(database.db, pdf);
  const profiles = new ProfileService(
    snapshotCache,
    territories,
    registry,
    new PerimeterRepository(database.db),
    resources.notices,
  );
  const reports = new ReportService(analytics, pdf, () => new Date(), profiles);
  lots.register(resources.noticeRevert);
  return {
    database,
    services: {
      territories,
      reference,
      contours: new ContoursService(new ContoursRepository(database.db)),
      health,
      registry,
      registryExports,
      declaredCounts,
      imports,
      lots,
      contratsVille,
      analytics,
      profiles,
      reports,
      resources,
      auth: new AuthService(new AccountRepository(database.db)),
      audit: new AuditService(changeSet.history),
    },
    close: async () => {
      await reports.close();
      await database.close();
    },
  };
}

export async function openContext(
  config: Pick<Config, 'DATABASE_URL' | 'pgliteDir'> & Partial<Pick<Config, 'ODTS_CHROMIUM_PATH'>>,
): Promise<AppContext> {
  const database = await openDatabase({ url: config.DATABASE_URL, dataDir: config.pgliteDir });
  return createContext(database, { chromiumPath: config.ODTS_CHROMIUM_PATH });
}
