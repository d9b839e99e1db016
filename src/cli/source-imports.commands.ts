import fs from 'node:fs/promises';
import type { Command } from 'commander';
import { systemActor } from '../domain/actor.ts';
import type { SourceSyncReport } from '../domain/registry/responses.ts';
import { FINESS_DEFAULT } from '../reference/finess/finess-source.ts';
import { LayerImportService } from '../reference/layer-import/layer-import.service.ts';
import { withContext } from './context.ts';
import { progressBar } from './progress-bar.ts';

// CLI imports write as the system, with history source `import` for the change set.
const actor = systemActor('import');

/** Report of a source brought into the registry, in French. */
export function formatSyncReport(report: SourceSyncReport): string[] {
  const lines = [
    `${report.lignes} lignes lues${report.dateSource ? `, source du ${report.dateSource}` : ''}`,
    `${report.dryRun ? 'À créer' : 'Créées'} : ${report.crees} · ${report.dryRun ? 'à modifier' : 'modifiées'} : ` +
      `${report.modifies} · ${report.dryRun ? 'à arrêter' : 'arrêtées'} : ${report.arretes} · inchangées : ${report.inchanges}`,
  ];
  if (report.lot) lines.push(`Lot ${report.lot} (annulable : POST /api/lots/${report.lot}/annuler)`);
  for (const e of report.erreurs) lines.push(`  ligne ${e.ligne} · ${e.champ} : ${e.message}`);
  if (!report.valide) lines.push('Rien n’a été enregistré.');
  return lines;
}

/** `reference import finess [FICHIER|URL]`. */
export function registerSourceImports(importCmd: Command) {
  importCmd
    .command('finess')
    .description(
      'Maisons de santé (603), centres de santé (124) et CPTS (604) de l’extraction FINESS → dynamiques ' +
        `MSP, CDS, CPTS\nSans fichier : ${FINESS_DEFAULT.urls.join(', ')}`,
    )
    .argument('[source]', 'fichier de l’extraction (UTF-8 ou Windows-1252, .gz ou ZIP) ou URL http(s)')
    .option('--dry-run', 'vérifie tout le fichier sans rien écrire')
    .option('--partiel', 'extraction partielle : les établissements absents ne sont pas arrêtés')
    .option('--force', 'accepte une extraction plus ancienne que celle déjà importée')
    .action(
      async (source: string | undefined, opts: { dryRun?: boolean; partiel?: boolean; force?: boolean }) => {
        if (!source)
          console.log(`Aucun fichier indiqué : téléchargement de l’extraction (${FINESS_DEFAULT.producer}).`);
        await withContext(async (ctx) => {
          const bar = progressBar();
          const started = Date.now();
          try {
            const result = await ctx.services.finess.importSource(actor, source, {
              dryRun: Boolean(opts.dryRun),
              partiel: Boolean(opts.partiel),
              force: Boolean(opts.force),
              progress: bar.report,
            });
            bar.stop();
            console.log(`Source : ${result.source}`);
            console.log(
              `${result.etablissements} établissements des catégories 603, 124 et 604 ; ${result.points} placés ` +
                `sur la carte, ${result.sansPoint} sans point (projection d’outre-mer non convertie)`,
            );
            for (const line of formatSyncReport(result.report)) console.log(line);
            console.log(`Durée : ${((Date.now() - started) / 1000).toFixed(1)} s`);
            if (!result.report.valide) process.exitCode = 1;
          } finally {
            bar.stop();
          }
        });
      },
    );
}

/** `reference import couche-dynamiques --source URL|FICHIER --correspondance correspondance.json`. */
export function registerLayerOfDynamics(importCmd: Command) {
  importCmd
    .command('couche-dynamiques')
    .description(
      'Dynamiques d’une couche GeoJSON ou d’un service WFS (GetFeature, outputFormat=application/json), ' +
        'par une correspondance enregistrée de ses champs avec ceux du registre',
    )
    .requiredOption('--source <source>', 'fichier GeoJSON ou adresse du service WFS')
    .requiredOption('--correspondance <fichier>', 'correspondance des champs (JSON)')
    .option('--dry-run', 'vérifie toute la couche sans rien écrire')
    .option('--date <AAAA-MM-JJ>', 'date de vérification enregistrée (aujourd’hui par défaut)')
    .action(async (opts: { source: string; correspondance: string; dryRun?: boolean; date?: string }) => {
      const mapping = LayerImportService.parseMapping(
        JSON.parse(await fs.readFile(opts.correspondance, 'utf8')),
      );
      await withContext(async (ctx) => {
        const bar = progressBar();
        try {
          const report = await ctx.services.layerImport.importSource(actor, opts.source, mapping, {
            dryRun: Boolean(opts.dryRun),
            ...(opts.date ? { date: opts.date } : {}),
            progress: bar.report,
          });
          bar.stop();
          for (const line of formatSyncReport(report)) console.log(line);
          if (!report.valide) process.exitCode = 1;
        } finally {
          bar.stop();
        }
      });
    });
}
