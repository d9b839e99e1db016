import type { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { openContext } from '../context.ts';
import { migrate, migrationStatus } from '../db/migrate.ts';

export function registerDbCommands(program: Command) {
  const db = program.command('db').description('Base de données : migrations et état');

  db.command('migrate')
    .description('Applique les migrations SQL en attente')
    .action(async () => {
      const ctx = await openContext(loadConfig());
      try {
        const applied = await migrate(ctx.database.db);
        console.log(
          applied.length === 0
            ? 'Base à jour : aucune migration en attente.'
            : `Migrations appliquées : ${applied.map((m) => `${m.version} ${m.name}`).join(', ')}`,
        );
      } finally {
        await ctx.close();
      }
    });

  db.command('status')
    .description('Liste les migrations et indique celles qui restent à appliquer')
    .action(async () => {
      const ctx = await openContext(loadConfig());
      try {
        const status = await migrationStatus(ctx.database.db);
        console.log(`Base : ${ctx.database.kind}`);
        for (const m of status) {
          const when = m.appliedAt ? `appliquée le ${m.appliedAt.toISOString()}` : 'EN ATTENTE';
          console.log(`${String(m.version).padStart(4, '0')} ${m.name.padEnd(30)} ${when}`);
        }
        const pending = status.filter((m) => !m.appliedAt).length;
        console.log(pending === 0 ? 'Base à jour.' : `${pending} migration(s) en attente : odts db migrate`);
      } finally {
        await ctx.close();
      }
    });
}
