import fs from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { actionFilters } from '../domain/actions/schemas.ts';
import { systemActor } from '../domain/actor.ts';
import { invalid } from '../domain/errors.ts';
import { withContext } from './context.ts';

const actor = systemActor('cli');

/** `odts actions …`: the same services as the API, for scripts and large files. */
export function registerActionsCommands(program: Command) {
  const actions = program
    .command('actions')
    .description('Actions et expériences : import, export, chiffres de la grille');

  actions
    .command('import')
    .description('Importe un fichier CSV ou XLSX d’actions : tout ou rien, en un lot annulable')
    .argument('<fichier>', 'fichier CSV (UTF-8) ou XLSX, colonnes de l’export')
    .option('--dry-run', 'vérifie le fichier et affiche le rapport sans rien enregistrer')
    .action(async (file: string, opts: { dryRun?: boolean }) => {
      let bytes: Buffer;
      try {
        bytes = await fs.readFile(file);
      } catch {
        throw invalid(`Fichier introuvable ou illisible : ${file}`);
      }
      await withContext(async (ctx) => {
        const r = await ctx.services.actions.imports.importFile(actor, bytes, {
          dryRun: Boolean(opts.dryRun),
          filename: path.basename(file),
        });
        const mode = r.dryRun ? 'vérification seule, rien n’a été enregistré' : 'import';
        console.log(`${file} : ${r.lignes} ligne(s) de données (${mode})`);
        if (!r.valide) {
          console.log(`${r.erreurs.length} erreur(s), rien n’a été enregistré :`);
          for (const e of r.erreurs) console.log(`  ligne ${e.ligne}, ${e.champ} : ${e.message}`);
          process.exitCode = 1;
          return;
        }
        console.log(
          `Fichier valide : ${r.crees} ${r.dryRun ? 'à créer' : 'créée(s)'}, ${r.modifies} ${r.dryRun ? 'à modifier' : 'modifiée(s)'}, ${r.inchanges} inchangée(s).`,
        );
        if (r.lot) console.log(`Lot ${r.lot} — pour annuler : odts lots annuler ${r.lot}`);
      });
    });

  actions
    .command('export')
    .description('Exporte les actions (filtres de la recherche) en CSV ou XLSX')
    .requiredOption('--format <format>', 'csv ou xlsx')
    .requiredOption('--output <fichier>', 'fichier à écrire')
    .option('--region <code>', 'code de région, par exemple 84')
    .option('--type <types>', 'types séparés par des virgules (fiche_action, recit_experience…)')
    .action(async (opts: Record<string, string | undefined>) => {
      if (opts.format !== 'csv' && opts.format !== 'xlsx') throw invalid('--format : csv ou xlsx');
      const { format, output, ...rest } = opts;
      const parsed = actionFilters.safeParse(rest);
      if (!parsed.success) {
        throw invalid(
          `Option invalide — ${parsed.error.issues.map((i) => `--${i.path.join('.')} : ${i.message}`).join(' ; ')}`,
        );
      }
      await withContext(async (ctx) => {
        const file = await ctx.services.actions.exports.export(actor, parsed.data, format);
        await fs.writeFile(output as string, file.body);
        console.log(`Actions écrites dans ${output}`);
      });
    });

  actions
    .command('grille')
    .description('Chiffres de la grille d’analyse (enquête 2018) sur les actions filtrées, en JSON')
    .option('--region <code>', 'code de région')
    .option('--type <types>', 'types séparés par des virgules')
    .action(async (opts: Record<string, string | undefined>) => {
      const parsed = actionFilters.safeParse(opts);
      if (!parsed.success) {
        throw invalid(
          `Option invalide — ${parsed.error.issues.map((i) => `--${i.path.join('.')} : ${i.message}`).join(' ; ')}`,
        );
      }
      await withContext(async (ctx) => {
        console.log(JSON.stringify(await ctx.services.actions.search.analyse(actor, parsed.data), null, 2));
      });
    });
}
