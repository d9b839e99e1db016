import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { systemActor } from '../domain/actor.ts';
import { invalid } from '../domain/errors.ts';
import { selectionExportQuery, selectionListQuery } from '../domain/resources/selection-schemas.ts';
import { withContext } from './context.ts';

const actor = systemActor('cli');

function issues(error: { issues: { path: PropertyKey[]; message: string }[] }) {
  return error.issues.map((i) => `--${i.path.join('.')} : ${i.message}`).join(' ; ');
}

export function registerSelectionsCommands(program: Command) {
  const selections = program
    .command('selections')
    .description('Sélections bibliographiques du centre de ressources : liste et export');

  selections
    .command('list')
    .description('Liste les sélections, les plus récemment modifiées d’abord')
    .option('--q <mots>', 'mots du titre')
    .action(async (opts: { q?: string }) => {
      const parsed = selectionListQuery.safeParse({ q: opts.q, limit: 200 });
      if (!parsed.success) throw invalid(`Option invalide — ${issues(parsed.error)}`);
      await withContext(async (ctx) => {
        const list = await ctx.services.resources.selections.list(actor, parsed.data);
        if (list.total === 0) console.log('Aucune sélection.');
        for (const s of list.items) {
          console.log(`${s.id}\t${s.titre}\t${s.date ?? 'sans date'}\t${s.nombreNotices} notice(s)`);
        }
      });
    });

  selections
    .command('export')
    .description('Met en forme ou exporte une sélection : pdf, docx, html, ris, bibtex ou csl-json')
    .argument('<id>', 'identifiant de la sélection (voir « selections list »)')
    .requiredOption('--format <format>', 'pdf, docx, html, ris, bibtex ou csl-json')
    .option('--out <fichier>', 'fichier à écrire (par défaut : nom descriptif dans le dossier courant)')
    .addHelpText(
      'after',
      '\nLe format pdf nécessite Chromium (apt-get install chromium, ou ODTS_CHROMIUM_PATH).',
    )
    .action(async (id: string, opts: { format: string; out?: string }) => {
      const parsed = selectionExportQuery.safeParse({ format: opts.format });
      if (!parsed.success) throw invalid(`Option invalide — ${issues(parsed.error)}`);
      await withContext(async (ctx) => {
        const file = await ctx.services.resources.selections.export(actor, id, parsed.data.format);
        const out = path.resolve(opts.out ?? file.filename);
        fs.mkdirSync(path.dirname(out), { recursive: true });
        fs.writeFileSync(out, file.body);
        console.log(`Sélection écrite : ${out} (${Math.max(1, Math.round(file.body.length / 1024))} Ko)`);
      });
    });
}
