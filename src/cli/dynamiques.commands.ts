import fs from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { systemActor } from '../domain/actor.ts';
import { invalid } from '../domain/errors.ts';
import { dynamicListQuery } from '../domain/registry/schemas.ts';
import type { ImportReport } from '../registry/imports/dynamic-import-report.ts';
import { withContext } from './context.ts';
import { progressBar } from './progress-bar.ts';

const actor = systemActor('cli');
const EXPORT_FORMATS = ['csv', 'xlsx', 'geojson'];

async function readInput(file: string): Promise<Buffer> {
  try {
    return await fs.readFile(file);
  } catch {
    throw invalid(`Fichier introuvable ou illisible : ${file}`);
  }
}

export function printReport(report: ImportReport, file: string) {
  const mode = report.dryRun ? 'vérification seule, rien n’a été enregistré' : 'import';
  console.log(`${file} : ${report.lignes} ligne(s) de données (${mode})`);
  if (!report.valide) {
    console.log(`${report.erreurs.length} erreur(s), rien n’a été enregistré :`);
    for (const e of report.erreurs) console.log(`  ligne ${e.ligne}, ${e.champ} : ${e.message}`);
    return;
  }
  const verb = report.dryRun ? 'à créer' : 'créée(s)';
  const verb2 = report.dryRun ? 'à modifier' : 'modifiée(s)';
  console.log(
    `Fichier valide : ${report.crees} ${verb}, ${report.modifies} ${verb2}, ${report.inchanges} inchangée(s).`,
  );
  if (report.lot) console.log(`Lot ${report.lot} — pour annuler : odts lots annuler ${report.lot}`);
}

export function registerDynamicsCommands(program: Command) {
  const dynamics = program.command('dynamiques').description('Registre des dynamiques : import et export');

  dynamics
    .command('import')
    .description('Importe un fichier CSV ou XLSX de dynamiques : tout ou rien, en un lot annulable')
    .argument('<fichier>', 'fichier CSV (UTF-8, « ; » ou « , ») ou XLSX')
    .option('--dry-run', 'vérifie le fichier et affiche le rapport sans rien enregistrer')
    .action(async (file: string, opts: { dryRun?: boolean }) => {
      const bytes = await readInput(file);
      await withContext(async (ctx) => {
        const bar = progressBar();
        const report = await ctx.services.imports
          .importFile(actor, bytes, {
            dryRun: Boolean(opts.dryRun),
            filename: path.basename(file),
            progress: bar.report,
          })
          .finally(bar.stop);
        printReport(report, file);
        if (!report.valide) process.exitCode = 1;
      });
    });

  dynamics
    .command('export')
    .description('Exporte les dynamiques (état à une date) en CSV, XLSX ou GeoJSON')
    .requiredOption('--format <format>', 'csv, xlsx ou geojson')
    .option('--output <fichier>', 'fichier à écrire (sinon la sortie standard)')
    .option('--type <types>', 'types séparés par des virgules, par exemple CLS,ASV')
    .option('--statut <statuts>', 'statuts séparés par des virgules')
    .option('--region <code>', 'code de région, par exemple 84')
    .option('--departement <code>', 'code de département, par exemple 42')
    .option('--date <date>', 'état au AAAA-MM-JJ (aujourd’hui par défaut)')
    .action(async (opts: Record<string, string | undefined>) => {
      if (!EXPORT_FORMATS.includes(opts.format ?? '')) throw invalid('--format : csv, xlsx ou geojson');
      const parsed = dynamicListQuery.safeParse(opts);
      if (!parsed.success) {
        const detail = parsed.error.issues.map((i) => `--${i.path.join('.')} : ${i.message}`).join(' ; ');
        throw invalid(`Option invalide — ${detail}`);
      }
      if (parsed.data.format === 'xlsx' && !opts.output && process.stdout.isTTY) {
        throw invalid('Un classeur XLSX ne s’affiche pas dans le terminal : indiquez --output FICHIER');
      }
      await withContext(async (ctx) => {
        const file = await ctx.services.registryExports.export(actor, parsed.data);
        if (opts.output) {
          await fs.writeFile(opts.output, file.body);
          console.error(`Écrit : ${opts.output}`);
        } else {
          await new Promise<void>((resolve, reject) =>
            process.stdout.write(file.body, (e) => (e ? reject(e) : resolve())),
          );
        }
      });
    });

  registerLotCommands(program);
}

function registerLotCommands(program: Command) {
  const lots = program.command('lots').description('Lots de modifications (imports) : liste et annulation');

  lots
    .command('list')
    .description('Liste les lots, les plus récents d’abord')
    .option('--limit <n>', 'nombre de lots affichés', '50')
    .action(async (opts: { limit: string }) => {
      const limit = Number(opts.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw invalid('--limit : entier de 1 à 500');
      await withContext(async (ctx) => {
        const { total, items } = await ctx.services.lots.list(actor, { page: 1, limit });
        if (total === 0) console.log('Aucun lot de modifications.');
        for (const l of items) {
          const state = l.annule ? `annulé le ${l.annuleLe?.slice(0, 10)}` : 'actif';
          console.log(
            `${l.id}  ${l.date.slice(0, 16).replace('T', ' ')}  ${l.auteur}  ${state}  ${l.description}`,
          );
        }
      });
    });

  lots
    .command('annuler')
    .description('Annule un lot : supprime ce qu’il a créé, restaure ce qu’il a modifié')
    .argument('<id>', 'identifiant du lot (odts lots list)')
    .action(async (id: string) => {
      await withContext(async (ctx) => {
        const result = await ctx.services.lots.revert(actor, id);
        console.log(
          `Lot ${id} annulé : ${result.supprimees} dynamique(s) supprimée(s), ${result.restaurees} restaurée(s).`,
        );
      });
    });
}
