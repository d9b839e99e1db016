import { type ActionServices, createActionServices } from './actions/actions.context.ts';
import { AnalyticsService } from './analytics/analytics.service.ts';
import { CoordinatedCareService } from './analytics/coordinated-care.service.ts';
import { ProfileService } from './analytics/profile.service.ts';
import { QpvLayer } from './analytics/qpv-layer.ts';
import { SnapshotRepository } from './analytics/snapshot.repository.ts';
import { SnapshotCache } from './analytics/snapshot.ts';
import { SnapshotListSource } from './analytics/snapshot-list-source.ts';
import { AccountRepository } from './auth/account.repository.ts';
import { AuthService } from './auth/auth.service.ts';
import { OidcLogin, type OidcSettings } from './auth/oidc/oidc-login.ts';
import { PasswordResetService } from './auth/password-reset.service.ts';
import { PersonalDataService } from './auth/personal-data.service.ts';
import { type CampaignServices, createCampaignServices } from './campaigns/campaigns.context.ts';
import { type Config, DEFAULT_CHROMIUM_PATH, DEFAULT_MAIL_FROM } from './config.ts';
import { ContoursRepository } from './contours/contours.repository.ts';
import { ContoursService } from './contours/contours.service.ts';
import { type CycleServices, createCycleServices } from './cycle/cycle.context.ts';
import { type Database, openDatabase } from './db/database.ts';
import { untilWritten } from './db/write-counter.ts';
import { anonymous } from './domain/actor.ts';
import { todayIso } from './domain/registry/timeline.ts';
import { HealthService } from './health/health.service.ts';
import { ChangeSetRepository } from './kernel/changesets/change-set.repository.ts';
import { ChangeSetService } from './kernel/changesets/change-set.service.ts';
import { LongWrites } from './kernel/changesets/long-writes.ts';
import { PdfRenderer } from './kernel/documents/pdf-renderer.ts';
import { AuditService } from './kernel/history/audit.service.ts';
import { HistoryRepository } from './kernel/history/history.repository.ts';
import { RestoreService } from './kernel/history/restore.ts';
import { createMailer } from './kernel/mail/create-mailer.ts';
import type { Mailer } from './kernel/mail/mailer.ts';
import { OutboxMailer } from './kernel/mail/outbox-mailer.ts';
import { OutboxReader } from './kernel/mail/outbox-reader.ts';
import { DEFAULT_OPERATOR_IDENTITY, documentIdentityOf, type OperatorIdentity } from './operator-identity.ts';
import { BackupRepository } from './ops/backup.repository.ts';
import { BackupService } from './ops/backup.service.ts';
import { OutboxService } from './ops/outbox.service.ts';
import { FinessImportService } from './reference/finess/finess-import.service.ts';
import { LayerImportService } from './reference/layer-import/layer-import.service.ts';
import { ReferenceReader } from './reference/reference.reader.ts';
import { ReferenceRepository } from './reference/reference.repository.ts';
import { ReferenceService } from './reference/reference.service.ts';
import { contactPersonalData } from './registry/contact-personal-data.ts';
import { ContratsVilleSyncService } from './registry/contrats-ville-sync.ts';
import { DeclaredCountRepository } from './registry/declared-counts.repository.ts';
import { DeclaredCountService } from './registry/declared-counts.service.ts';
import { assertMayWriteDynamic } from './registry/dynamic-scope.ts';
import { DynamicWriter } from './registry/dynamic-writer.ts';
import { ContourRepository } from './registry/exports/contour.repository.ts';
import { RegistryExports } from './registry/exports/registry-exports.ts';
import { DynamicImportService } from './registry/imports/dynamic-import.service.ts';
import { ImportReceiptRepository } from './registry/imports/import-receipt.repository.ts';
import { TerritoryNamesRepository } from './registry/imports/territory-names.repository.ts';
import { LinksRepository, LinksService } from './registry/links.service.ts';
import { dynamicRestore } from './registry/lots/dynamic-restore.ts';
import { dynamicRevert } from './registry/lots/dynamic-revert.ts';
import { PerimeterRepository } from './registry/perimeter.repository.ts';
import { RegistryRepository } from './registry/registry.repository.ts';
import { RegistryService } from './registry/registry.service.ts';
import { SourceKeysRepository } from './registry/source-keys.repository.ts';
import { SourceSyncService } from './registry/source-sync.service.ts';
import { ActionsSummaryService } from './reports/actions-summary.service.ts';
import { DossierElusService } from './reports/dossier-elus.service.ts';
import { noticeReference, readingsFrom } from './reports/dossier-sources.ts';
import { ReportService } from './reports/report.service.ts';
import { noticeRestore } from './resources/notice-restore.ts';
import { createResourceServices, type ResourceServices } from './resources/resources.context.ts';
import { TerritoryRepository } from './territories/territory.repository.ts';
import { TerritoryService } from './territories/territory.service.ts';

/** Composition root: one place that builds repositories and services over a database. */
export interface AppContext {
  database: Database;
  /** Imports and reverts of thousands of rows in progress (readers answer from memory meanwhile). */
  longWrites: LongWrites;
  services: {
    territories: TerritoryService;
    reference: ReferenceService;
    contours: ContoursService;
    health: HealthService;
    registry: RegistryService;
    registryExports: RegistryExports;
    /** Typed links of a dynamic, both ways. */
    links: LinksService;
    declaredCounts: DeclaredCountService;
    imports: DynamicImportService;
    lots: ChangeSetService;
    contratsVille: ContratsVilleSyncService;
    /** Published sources (FINESS, WFS layers) brought into the registry. */
    sourceSync: SourceSyncService;
    finess: FinessImportService;
    layerImport: LayerImportService;
    analytics: AnalyticsService;
    coordinatedCare: CoordinatedCareService;
    profiles: ProfileService;
    reports: ReportService;
    /** The grid figures of actions as a document. */
    actionsSummary: ActionsSummaryService;
    /** The dossier for a commune's or an intercommunalité's elected team. */
    dossiersElus: DossierElusService;
    resources: ResourceServices;
    actions: ActionServices;
    campaigns: CampaignServices;
    auth: AuthService;
    audit: AuditService;
    mailer: Mailer;
    passwordResets: PasswordResetService;
    /** Null when no OpenID Connect provider is configured. */
    oidc: OidcLogin | null;
    personalData: PersonalDataService;
    restore: RestoreService;
    /** Self-assessments and project cycles of dynamics. */
    cycle: CycleServices;
    backups: BackupService;
    /** Messages written instead of sent when no SMTP server is configured. */
    outbox: OutboxService;
  };
  close(): Promise<void>;
}

/** Settings from the configuration that services need beyond the database. */
export interface ContextSettings {
  chromiumPath?: string | undefined;
  /** The operator named on generated documents (reports, sélections). */
  identity?: OperatorIdentity | undefined;
  /** Default: the outbox under ./data (tests pass their own). */
  mailer?: Mailer | undefined;
  /** Base of the links in e-mails (`ODTS_PUBLIC_URL`). */
  publicUrl?: string | undefined;
  oidc?: Omit<OidcSettings, 'publicUrl'> | undefined;
}

const DEFAULT_PUBLIC_URL = 'http://localhost:3000';

export function createContext(database: Database, settings: ContextSettings = {}): AppContext {
  const territories = new TerritoryService(new TerritoryRepository(database.db));
  const reference = new ReferenceService(
    new ReferenceRepository(database.db),
    () => {
      territories.invalidate();
      // Profiles, analyses and lists place communes with the reference: read it again.
      snapshotCache.invalidateReference();
      qpvLayer.invalidate();
    },
    new ReferenceReader(database.db),
  );
  // Imports and reverts of thousands of rows: readers answer from memory meanwhile.
  const longWrites = new LongWrites();
  const health = new HealthService(database, longWrites);
  const registryRepo = new RegistryRepository(database.db);
  const snapshots = new SnapshotRepository(database.db);
  const snapshotCache = new SnapshotCache(snapshots, longWrites, database.writes);
  longWrites.onSettled(() => snapshotCache.refresh());
  const snapshotList = new SnapshotListSource(snapshotCache, snapshots);
  const registry = new RegistryService(
    registryRepo,
    new HistoryRepository(database.db),
    new DynamicWriter(new PerimeterRepository(database.db), registryRepo),
    snapshotList,
    undefined,
    snapshotList.committed,
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
    receipts: new ImportReceiptRepository(database.db),
    longWrites,
  });
  const lots = new ChangeSetService(changeSet.lots, changeSet.history, longWrites);
  lots.register(dynamicRevert(registryRepo, changeSet.writer));
  const contratsVille = new ContratsVilleSyncService(changeSet, () => reference.listContratsVille());
  const sourceSync = new SourceSyncService({
    ...changeSet,
    keys: new SourceKeysRepository(database.db),
  });
  const finess = new FinessImportService(new ReferenceReader(database.db), sourceSync);
  const analytics = new AnalyticsService(snapshotCache, snapshots);
  // One Chromium printer for every generated PDF (reports and sélections).
  const pdf = new PdfRenderer(settings.chromiumPath ?? DEFAULT_CHROMIUM_PATH);
  const documentIdentity = documentIdentityOf(settings.identity ?? DEFAULT_OPERATOR_IDENTITY);
  const resources = createResourceServices(database.db, pdf, documentIdentity);
  const qpvSource = new PerimeterRepository(database.db);
  // Profiles read the QPV layer from memory, again when the snapshot's stamp says a layer was loaded.
  const qpvLayer = new QpvLayer(qpvSource, () => snapshotCache.layers());
  const profiles = new ProfileService(snapshotCache, territories, registry, qpvLayer, {
    // The resource generation, remembered while a long write holds the database: profiles stay cached.
    stamp: longWrites.remembered(untilWritten(() => resources.notices.stamp(), database.writes)),
    linkedTo: (actor, q, generation) => resources.search.linkedTo(actor, q, 50, generation),
  });
  const reports = new ReportService(
    analytics,
    pdf,
    qpvSource,
    undefined,
    documentIdentity,
    async (actor, q) => (await resources.search.linkedTo(actor, q, 15)).map((n) => noticeReference(n)),
    new ContourRepository(database.db),
  );
  lots.register(resources.noticeRevert);
  const actions = createActionServices(database.db);
  lots.register(actions.revert);
  const history = changeSet.history;
  const accounts = new AccountRepository(database.db);
  const auth = new AuthService(accounts, history);
  const publicUrl = settings.publicUrl ?? DEFAULT_PUBLIC_URL;
  const mailer = settings.mailer ?? createMailer({ from: DEFAULT_MAIL_FROM, dataDir: './data' });
  const personalData = new PersonalDataService(accounts, history);
  personalData.register(contactPersonalData(registryRepo, registry));
  const passwordResets = new PasswordResetService(accounts, auth, mailer, publicUrl);
  const outboxReader = mailer instanceof OutboxMailer ? new OutboxReader(mailer.dir) : null;
  const campaigns = createCampaignServices(database.db, {
    mailer,
    outbox: outboxReader,
    registry,
    declaredCounts,
    settings: { publicUrl, organisme: (settings.identity ?? DEFAULT_OPERATOR_IDENTITY).nom },
  });
  personalData.register(campaigns.personalData);
  const cycle = createCycleServices(database.db, {
    history,
    // The same rule as editing the dynamic itself: a coordinator's own, a regional team's régions.
    mayWrite: (actor, id) =>
      assertMayWriteDynamic(
        actor,
        [{ id, communes: async () => (await registryRepo.communesOf([id])).get(id) ?? [] }],
        (codes) => registryRepo.regionsOfCommunes(codes),
      ),
    today: () => todayIso(),
  });
  const restore = new RestoreService(history);
  restore.register(dynamicRestore(registry));
  restore.register(noticeRestore(resources.notices));
  restore.register(actions.restore);
  return {
    database,
    longWrites,
    services: {
      territories,
      reference,
      contours: new ContoursService(new ContoursRepository(database.db)),
      health,
      registry,
      registryExports,
      links: new LinksService(new LinksRepository(database.db)),
      declaredCounts,
      imports,
      lots,
      contratsVille,
      sourceSync,
      finess,
      layerImport: new LayerImportService(database.db, new ReferenceReader(database.db), sourceSync),
      analytics,
      coordinatedCare: new CoordinatedCareService(snapshotCache),
      profiles,
      reports,
      actionsSummary: new ActionsSummaryService((actor, f) => actions.search.analyse(actor, f), reports),
      dossiersElus: new DossierElusService(analytics, reports, qpvSource, {
        fiches: (ids, date) => registry.getMany(anonymous, ids, date),
        selfAssessments: (ids) => cycle.assessments.latestSelfAssessments(ids),
        readings: readingsFrom((q) => resources.search.search(anonymous, q)),
        glossary: async () =>
          (await resources.glossary.search(anonymous, {})).items.flatMap((g) =>
            g.sigle ? [{ sigle: g.sigle, forme: g.forme }] : [],
          ),
      }),
      resources,
      actions,
      campaigns,
      cycle,
      auth,
      audit: new AuditService(history),
      mailer,
      passwordResets,
      oidc: settings.oidc ? new OidcLogin({ ...settings.oidc, publicUrl }, accounts, auth) : null,
      personalData,
      restore,
      outbox: new OutboxService(outboxReader),
      backups: new BackupService(new BackupRepository(database.db), database.kind),
    },
    close: async () => {
      // Messages asked for just before shutting down still go out.
      await passwordResets.whenSent();
      await reports.close();
      await database.close();
    },
  };
}

type ContextConfig = Pick<Config, 'DATABASE_URL' | 'pgliteDir'> &
  Partial<
    Pick<
      Config,
      | 'ODTS_CHROMIUM_PATH'
      | 'ODTS_DATA_DIR'
      | 'ODTS_SMTP_URL'
      | 'ODTS_MAIL_FROM'
      | 'ODTS_PUBLIC_URL'
      | 'ODTS_OIDC_ISSUER'
      | 'ODTS_OIDC_CLIENT_ID'
      | 'ODTS_OIDC_CLIENT_SECRET'
      | 'ODTS_OIDC_LIBELLE'
      | 'identity'
    >
  >;

/** What the services need from the configuration beyond the database. */
export function settingsOf(config: ContextConfig): ContextSettings {
  const { ODTS_OIDC_ISSUER: issuer, ODTS_OIDC_CLIENT_ID: clientId, ODTS_OIDC_CLIENT_SECRET: secret } = config;
  return {
    chromiumPath: config.ODTS_CHROMIUM_PATH,
    identity: config.identity,
    mailer: createMailer({
      smtpUrl: config.ODTS_SMTP_URL,
      from: config.ODTS_MAIL_FROM ?? DEFAULT_MAIL_FROM,
      dataDir: config.ODTS_DATA_DIR ?? './data',
    }),
    publicUrl: config.ODTS_PUBLIC_URL,
    oidc:
      issuer && clientId && secret
        ? { issuer, clientId, clientSecret: secret, libelle: config.ODTS_OIDC_LIBELLE ?? 'OpenID Connect' }
        : undefined,
  };
}

export async function openContext(config: ContextConfig): Promise<AppContext> {
  const database = await openDatabase({ url: config.DATABASE_URL, dataDir: config.pgliteDir });
  return createContext(database, settingsOf(config));
}
