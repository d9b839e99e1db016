import type { Command } from 'commander';
import { systemActor } from '../domain/actor.ts';
import { withContext } from './context.ts';
import { progressBar } from './progress-bar.ts';
import { registerLayerImports } from './reference-layers.commands.ts';
import { registerLayerOfDynamics, registerSourceImports } from './source-imports.commands.ts';

const actor = systemActor('cli');

export function registerReferenceCommands(program: Command) {
  const reference = program.command('reference').description('Référentiels territoriaux : import et état');

  const importCmd = reference
    .command('import')
    .description('Importe une couche de référence (tout ou rien, avec barre de progression)');

  importCmd
    .command('cog')
    .description('Régions, départements, EPCI et communes depuis @etalab/decoupage-administratif')
    .option('--force', 'recharge même si le même millésime est déjà chargé')
    .action(async (opts: { force?: boolean }) => {
      await withContext(async (ctx) => {
        const bar = progressBar();
        const result = await ctx.services.reference.importCog(actor, {
          force: Boolean(opts.force),
          progress: bar.report,
        });
        bar.stop();
        if (!result.skipped) {
          const moved = await ctx.services.registry.migrateMergedCommunes(actor);
          if (moved.migrated > 0)
            console.log(`Périmètres migrés après fusions de communes : ${moved.migrated}`);
          for (const u of moved.unresolved) {
            console.log(`  ${u.dynamique} : communes sans successeur connu ${u.communes.join(', ')}`);
          }
        }
        console.log(
          result.skipped
            ? `Millésime ${result.vintage} déjà chargé (utilisez --force pour recharger).`
            : `Importé ${result.vintage} : ${result.counts.regions} régions, ${result.counts.departements} départements, ${result.counts.epci} EPCI, ${result.counts.communes} communes.`,
        );
      });
    });

  registerLayerImports(importCmd);
  registerSourceImports(importCmd);
  registerLayerOfDynamics(importCmd);

  reference
    .command('status')
    .description('Affiche les couches chargées et celles qui manquent')
    .action(async () => {
      await withContext(async (ctx) => {
        for (const l of await ctx.services.reference.layers()) {
          console.log(
            `${l.layer.padEnd(16)} ${l.vintage.padEnd(40)} ${l.row_count} lignes, ${l.loaded_at.toISOString()}`,
          );
        }
        for (const m of await ctx.services.reference.missingLayers()) {
          console.log(`${m.layer.padEnd(16)} absente — odts ${m.command} [FICHIER|URL]`);
        }
      });
    });
}
