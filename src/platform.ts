import type { FastifyInstance } from 'fastify';
import type { Config } from './config.ts';
import { type AppContext, openContext } from './context.ts';
import { migrate } from './db/migrate.ts';
import { systemActor } from './domain/actor.ts';
import { buildApp } from './http/app.ts';
import { ChangeSetRepository } from './kernel/changesets/change-set.repository.ts';
import { SeedLedgerRepository } from './kernel/seeds/seed-ledger.repository.ts';
import { SeedLedger } from './kernel/seeds/seed-ledger.ts';
import { loadShippedLayers, type ShippedLayerOutcome } from './reference/shipped/load-shipped-layers.ts';
import { DeclaredCountRepository } from './registry/declared-counts.repository.ts';
import { type DemoLoadDeps, loadDemo } from './registry/demo/load-demo.ts';
import { StatusPeriodsRepository } from './registry/status-periods.repository.ts';
import { refreshStatusPeriods } from './registry/status-periods-refresh.ts';
import { loadGlossarySeed } from './resources/glossary/glossary-seed.ts';
import { loadSeedNotices } from './resources/seed/seed-notices.ts';
import { loadSeedSelections } from './resources/seed/seed-selections-loader.ts';

export interface Platform {
  ctx: AppContext;
  app: FastifyInstance;
  url: string;
  close(): Promise<void>;
}

type Log = (message: string) => void;

/** What the first-start loaders write through: the seed ledger, services and repositories, never SQL. */
export function startupSeeds(ctx: AppContext): { ledger: SeedLedger; demo: DemoLoadDeps } {
  const db = ctx.database.db;
  const ledger = new SeedLedger(new SeedLedgerRepository(db));
  return {
    ledger,
    demo: {
      ledger,
      registry: ctx.services.registry,
      lots: new ChangeSetRepository(db),
      declaredCounts: new DeclaredCountRepository(db),
    },
  };
}

const SHIPPED_LABELS = { contours: 'contours', qpv: 'QPV', contrats_ville: 'contrats de ville' } as const;

function describeShipped(o: ShippedLayerOutcome): string {
  const label = SHIPPED_LABELS[o.layer];
  if (o.outcome === 'deja_chargee') return `Couche de référence ${label} déjà chargée (${o.vintage})`;
  if (o.outcome === 'importee_ailleurs') {
    return `Couche de référence ${label} : celle importée est conservée (${o.vintage})`;
  }
  const counts = Object.entries(o.counts)
    .map(([k, v]) => `${v} ${k}`)
    .join(', ');
  return `Couche de référence ${label} chargée depuis data-seed/reference (${counts})`;
}

/**
 * Prepares the database (migrations, reference on first start) and returns a context.
 * Shared by `npm start` and `odts serve`.
 */
export async function preparePlatform(config: Config, log: Log): Promise<AppContext> {
  const where = config.DATABASE_URL ? 'serveur PostgreSQL' : `PGlite (${config.pgliteDir})`;
  log(`Base de données : ${where}`);
  const ctx = await openContext(config);
  const applied = await migrate(ctx.database.db);
  if (applied.length > 0) log(`Migrations appliquées : ${applied.map((m) => m.version).join(', ')}`);

  let lastPercent = -1;
  const cog = await ctx.services.reference.importCog(systemActor('démarrage'), {
    progress: ({ step, done, total }) => {
      const percent = Math.floor((done / total) * 100);
      if (step === 'commune' && percent !== lastPercent && percent % 25 === 0)
        log(`  communes : ${percent} %`);
      lastPercent = percent;
    },
  });
  log(
    cog.skipped
      ? `Référentiel administratif déjà chargé (${cog.vintage})`
      : `Référentiel administratif chargé (${cog.vintage}) : ${cog.counts.communes} communes, ${cog.counts.epci} EPCI`,
  );
  if (!cog.skipped) {
    const moved = await ctx.services.registry.migrateMergedCommunes(systemActor('démarrage'));
    if (moved.migrated > 0)
      log(`Périmètres mis à jour après fusions de communes : ${moved.migrated} dynamique(s)`);
  }
  const seeds = startupSeeds(ctx);
  // Reference, not demo: loaded with ODTS_DEMO=0 too.
  for (const outcome of await loadShippedLayers(ctx.services.reference, seeds.ledger)) {
    log(describeShipped(outcome));
  }
  if (config.ODTS_DEMO) {
    const demo = await loadDemo(seeds.demo);
    log(
      demo.skipped
        ? `Données de démonstration déjà chargées (${demo.vintage})`
        : `Données de démonstration chargées : ${demo.dynamiques} dynamiques, ${demo.decomptes} décomptes déclarés`,
    );
    const seed = await loadSeedNotices(seeds.ledger, ctx.services.resources.notices);
    if (seed.lot) log(`Ressources des documents de référence : ${seed.crees} notice(s) ajoutée(s)`);
    const selections = await loadSeedSelections(ctx.services.resources.selections, seed.ids, seeds.ledger);
    if (selections.crees > 0) log(`Sélections des documents de référence : ${selections.crees} ajoutée(s)`);
  }
  const glossary = await loadGlossarySeed(seeds.ledger, ctx.services.resources.glossary);
  if (!glossary.skipped) log(`Glossaire chargé : ${glossary.crees} entrée(s) ajoutée(s)`);
  const contrats = await ctx.services.contratsVille.sync(systemActor('démarrage'));
  if (contrats.crees > 0) log(`Contrats de ville ajoutés au registre : ${contrats.crees}`);
  const periods = new StatusPeriodsRepository(ctx.database.db);
  const refreshed = await refreshStatusPeriods(periods, seeds.ledger);
  if (refreshed > 0)
    log(`Périodes de statut recalculées selon les règles en vigueur : ${refreshed} dynamique(s)`);
  if (!(await ctx.services.auth.hasAccounts())) {
    log(
      'Aucun compte : la consultation est ouverte, les modifications demandent un compte. Créez le premier ' +
        'administrateur avec : npm run odts -- users add VOUS@EXEMPLE.FR --role administrateur',
    );
  }
  for (const missing of await ctx.services.reference.missingLayers()) {
    log(
      `Couche absente : ${missing.label}. Pour l’ajouter : npm run odts -- ${missing.command} <fichier ou URL>`,
    );
  }
  log(`Messages électroniques : ${ctx.services.mailer.describe()}`);
  if (ctx.services.oidc) log(`Connexion OpenID Connect : ${ctx.services.oidc.settings.libelle}`);
  await ctx.services.territories.warm();
  await ctx.services.resources.search.warm();
  // The analyses' snapshot of the registry, built now rather than by the first visitor's map or report
  // (seconds on a national registry); writes keep it current afterwards.
  await ctx.services.analytics.snapshot();
  return ctx;
}

export async function startPlatform(config: Config, log: Log): Promise<Platform> {
  const ctx = await preparePlatform(config, log);
  const app = await buildApp(ctx, {
    logLevel: config.ODTS_LOG_LEVEL === 'info' ? 'warn' : config.ODTS_LOG_LEVEL,
    identity: config.identity,
    secureCookies: config.ODTS_HTTPS,
  });
  const address = await app.listen({ port: config.PORT, host: config.HOST });
  const url = address.replace('127.0.0.1', 'localhost');
  return {
    ctx,
    app,
    url,
    close: async () => {
      await app.close();
      await ctx.close();
    },
  };
}
