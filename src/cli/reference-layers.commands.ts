import { type Command, Option } from 'commander';
import type { AppContext } from '../context.ts';
import { systemActor } from '../domain/actor.ts';
import { CONTOUR_LEVELS } from '../reference/contours/contour-levels.ts';
import type { ContourImportOptions } from '../reference/contours/import-contours.ts';
import {
  CONTOURS_DEFAULT,
  CONTRATS_VILLE_DEFAULT,
  type DefaultSource,
  QPV_DEFAULT,
} from '../reference/default-sources.ts';
import type { LayerImportReport } from '../reference/import-report.ts';
import { withContext } from './context.ts';
import { formatLayerReport } from './layer-report.ts';
import { progressBar } from './progress-bar.ts';

const actor = systemActor('cli');

interface LayerOptions {
  dryRun?: boolean;
  force?: boolean;
  millesime?: string;
  niveau?: ContourImportOptions['niveau'];
}

type Run = (ctx: AppContext, options: ContourImportOptions) => Promise<LayerImportReport>;

/** Common options of the optional layer imports. */
function layerCommand(parent: Command, name: string, description: string, defaults: DefaultSource) {
  return parent
    .command(name)
    .description(`${description}\nSans fichier : ${defaults.urls.join(', ')}`)
    .option('--dry-run', 'vérifie tout le fichier sans rien écrire')
    .option('--force', 'réimporte même si le même millésime est déjà chargé')
    .option('--millesime <libellé>', 'libellé du millésime enregistré (sinon déduit des données)');
}

async function runImport(sources: string[], defaults: DefaultSource, opts: LayerOptions, run: Run) {
  if (sources.length === 0) {
    console.log(
      `Aucun fichier indiqué : téléchargement de la publication officielle (${defaults.producer}).`,
    );
  }
  await withContext(async (ctx) => {
    const bar = progressBar();
    let report: LayerImportReport;
    try {
      report = await run(ctx, {
        dryRun: Boolean(opts.dryRun),
        force: Boolean(opts.force),
        ...(opts.millesime ? { vintageLabel: opts.millesime } : {}),
        ...(opts.niveau ? { niveau: opts.niveau } : {}),
        progress: bar.report,
      });
    } finally {
      bar.stop();
    }
    for (const line of formatLayerReport(report)) console.log(line);
    if (!report.valid) process.exitCode = 1;
  });
}

/** `reference import qpv|contrats-ville|contours [FICHIER|URL]`. */
export function registerLayerImports(importCmd: Command) {
  layerCommand(
    importCmd,
    'qpv',
    'Quartiers prioritaires : liste JSON, GeoJSON (ou TopoJSON) des périmètres, ou CSV',
    QPV_DEFAULT,
  )
    .argument('[source]', 'fichier local ou URL http(s)')
    .action(async (source: string | undefined, opts: LayerOptions) => {
      await runImport(source ? [source] : [], QPV_DEFAULT, opts, (ctx, o) =>
        ctx.services.reference.importQpv(actor, source, o),
      );
    });

  layerCommand(
    importCmd,
    'contrats-ville',
    'Contrats de ville : GeoJSON de l’ANCT (codgeo, code_cv, lib_cv, insee_dep, pop) ou CSV',
    CONTRATS_VILLE_DEFAULT,
  )
    .argument('[source]', 'fichier local ou URL http(s)')
    .action(async (source: string | undefined, opts: LayerOptions) => {
      await runImport(source ? [source] : [], CONTRATS_VILLE_DEFAULT, opts, async (ctx, o) => {
        const result = await ctx.services.reference.importContratsVille(actor, source, o);
        if (!o.dryRun) {
          // Once the layer is loaded, every contract becomes a CONTRAT_VILLE dynamic of the registry.
          const sync = await ctx.services.contratsVille.sync(actor);
          if (sync.crees > 0)
            console.log(`Registre : ${sync.crees} contrats de ville créés (lot ${sync.lot})`);
        }
        return result;
      });
    });

  layerCommand(
    importCmd,
    'contours',
    'Contours pour les cartes : TopoJSON à plusieurs niveaux ou GeoJSON d’un niveau (codes INSEE/SIREN)',
    CONTOURS_DEFAULT,
  )
    .argument('[sources...]', 'fichiers locaux ou URL http(s), importés ensemble')
    .addOption(
      new Option(
        '--niveau <niveau>',
        'niveau d’un GeoJSON quand ni son nom ni ses propriétés ne le disent',
      ).choices(CONTOUR_LEVELS),
    )
    .action(async (sources: string[], opts: LayerOptions) => {
      await runImport(sources, CONTOURS_DEFAULT, opts, (ctx, o) =>
        ctx.services.reference.importContours(actor, sources.length > 0 ? sources : undefined, o),
      );
    });
}
