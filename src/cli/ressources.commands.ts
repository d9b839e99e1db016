import fs from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { systemActor } from '../domain/actor.ts';
import { invalid } from '../domain/errors.ts';
import { noticeExportQuery, noticeImportQuery } from '../domain/resources/schemas.ts';
import type { z } from '../domain/zod-fr.ts';
import type { NoticeImportReport } from '../resources/imports/notice-import-report.ts';
import { withContext } from './context.ts';

const actor = systemActor('cli');

function parseOptions<S extends z.ZodType>(schema: S, opts: unknown): z.output<S> {
  const parsed = schema.safeParse(opts);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `--${i.path.join('.')} : ${i.message}`).join(' ; ');
    throw invalid(`Option invalide — ${detail}`);
  }
  return parsed.data;
}

function printReport(report: NoticeImportReport, file: string) {
  const mode = report.dryRun ? 'vérification seule, rien n’a été enregistré' : 'import';
  console.log(`${file} : ${report.lignes} notice(s) ${report.format.toUpperCase()} lue(s) (${mode})`);
  if (report.erreurs.length > 0) {
    const outcome = report.valide
      ? `${report.signalees} notice(s) signalée(s) ignorée(s)`
      : 'rien n’a été enregistré';
    console.log(`${report.erreurs.length} erreur(s), ${outcome} :`);
    for (const e of report.erreurs) console.log(`  ligne ${e.ligne}, ${e.champ} : ${e.message}`);
    if (!report.valide) {
      if (report.valides > 0 && !report.partiel) {
        console.log(
          `Pour importer les ${report.valides} notice(s) valide(s) et ignorer les ${report.signalees} signalée(s) : --partiel`,
        );
      }
      return;
    }
  }
  const verb = report.dryRun ? 'à créer' : 'créée(s)';
  const merged = report.dryRun ? 'à compléter' : 'complétée(s)';
  const head = report.partiel && report.signalees > 0 ? 'Import partiel' : 'Fichier valide';
  console.log(`${head} : ${report.crees} ${verb}, ${report.modifies} ${merged} par fusion.`);
  if (report.doublons.length > 0) {
    console.log(`${report.doublons.length} doublon(s) :`);
    for (const d of report.doublons.slice(0, 50)) {
      const of = d.notice ? `notice ${d.notice}` : `ligne ${d.ligneDoublon}`;
      console.log(`  ligne ${d.ligne} « ${d.titre} » : ${d.libelle} que ${of} (${d.action})`);
    }
  }
  if (report.lot) console.log(`Lot ${report.lot}`);
}

export function registerResourcesCommands(program: Command) {
  const resources = program
    .command('ressources')
    .description('Centre de ressources : import et export des notices bibliographiques');

  resources
    .command('import')
    .description('Importe des notices RIS, BibTeX, CSL-JSON ou CSV : tout ou rien, en un lot')
    .argument('<fichier>', 'fichier à importer (UTF-8)')
    .option('--format <format>', 'ris, bibtex, csl-json ou csv (détecté sinon)')
    .option('--dry-run', 'vérifie le fichier et affiche le rapport sans rien enregistrer')
    .option('--doublons <mode>', 'ignorer (par défaut) ou fusionner : compléter la notice existante')
    .option('--partiel', 'importe les notices valides et ignore les notices signalées (sinon tout ou rien)')
    .action(
      async (
        file: string,
        opts: { format?: string; dryRun?: boolean; doublons?: string; partiel?: boolean },
      ) => {
        const query = parseOptions(noticeImportQuery, {
          format: opts.format,
          dryRun: opts.dryRun ? 'true' : 'false',
          doublons: opts.doublons,
          partiel: opts.partiel ? 'true' : 'false',
        });
        let bytes: Buffer;
        try {
          bytes = await fs.readFile(file);
        } catch {
          throw invalid(`Fichier introuvable ou illisible : ${file}`);
        }
        await withContext(async (ctx) => {
          const report = await ctx.services.resources.imports.importFile(actor, bytes, {
            ...query,
            filename: path.basename(file),
          });
          printReport(report, file);
          if (!report.valide) process.exitCode = 1;
        });
      },
    );

  resources
    .command('export')
    .description('Exporte les notices (filtres de la recherche) en RIS, BibTeX, CSL-JSON, CSV ou texte')
    .requiredOption('--format <format>', 'ris, bibtex, csl-json, csv ou texte (références mises en forme)')
    .option('--output <fichier>', 'fichier à écrire (sinon la sortie standard)')
    .option('--q <recherche>', 'recherche en texte intégral, comme dans l’API')
    .option('--type <types>', 'types séparés par des virgules, par exemple rapport,guide')
    .option('--dispositif <codes>', 'dispositifs séparés par des virgules, par exemple CLS,ASV')
    .option('--theme <codes>', 'thèmes séparés par des virgules')
    .option('--public <codes>', 'publics séparés par des virgules')
    .option('--annee-min <année>', 'publiées cette année-là ou après')
    .option('--annee-max <année>', 'publiées cette année-là ou avant')
    .option('--tri <ordre>', 'pertinence ou date')
    .action(async (opts: Record<string, string | undefined>) => {
      const { output, ...filters } = opts;
      const query = parseOptions(noticeExportQuery, filters);
      await withContext(async (ctx) => {
        const file = await ctx.services.resources.exports.export(actor, query);
        if (output) {
          await fs.writeFile(output, file.body);
          console.error(`Écrit : ${output}`);
        } else {
          await new Promise<void>((resolve, reject) =>
            process.stdout.write(file.body, (e) => (e ? reject(e) : resolve())),
          );
        }
      });
    });
}
