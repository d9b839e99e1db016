import type { Command } from 'commander';
import { systemActor } from '../domain/actor.ts';
import { invalid } from '../domain/errors.ts';
import { GlossaryFileError, readGlossaryFile } from '../resources/glossary/glossary-seed.ts';
import { withContext } from './context.ts';

const actor = systemActor('cli');

export function registerGlossaryCommands(program: Command) {
  const glossary = program
    .command('glossaire')
    .description('Glossaire du champ : sigles et termes avec leur définition');

  glossary
    .command('list')
    .description('Affiche les entrées du glossaire (sigle, forme développée), filtrées par une recherche')
    .option(
      '--q <recherche>',
      'mots cherchés dans le sigle, la forme et la définition (sans accents ni casse)',
    )
    .option('--json', 'écrit les entrées complètes en JSON')
    .action(async (opts: { q?: string; json?: boolean }) => {
      await withContext(async (ctx) => {
        const result = await ctx.services.resources.glossary.search(actor, { q: opts.q });
        if (opts.json) {
          console.log(JSON.stringify(result.items, null, 2));
          return;
        }
        for (const t of result.items) console.log(`${t.sigle ?? '—'}\t${t.forme}`);
        console.error(`${result.total} entrée(s)`);
      });
    });

  glossary
    .command('import')
    .description(
      'Importe un fichier JSON {"termes": [...]} (format de data-seed/glossaire.json) : ajoute les entrées ' +
        'nouvelles et remplace celles dont la clé existe déjà, tout ou rien',
    )
    .argument('<fichier>', 'fichier JSON (UTF-8)')
    .action(async (file: string) => {
      let terms: ReturnType<typeof readGlossaryFile>['terms'];
      try {
        terms = readGlossaryFile(file).terms;
      } catch (e) {
        if (e instanceof GlossaryFileError) throw invalid(e.message);
        throw e;
      }
      await withContext(async (ctx) => {
        const r = await ctx.services.resources.glossary.importMany(actor, terms, { replace: true });
        console.log(
          `${file} : ${r.crees} entrée(s) créée(s), ${r.modifies} modifiée(s), ${r.inchanges} inchangée(s)`,
        );
      });
    });
}
