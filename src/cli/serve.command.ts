import type { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { startPlatform } from '../platform.ts';

export function registerServeCommand(program: Command) {
  program
    .command('serve')
    .description('Démarre le serveur HTTP (migrations et référentiel au premier démarrage)')
    .option('-p, --port <port>', 'port d’écoute (sinon PORT, 3000 par défaut)')
    .option('--host <host>', 'adresse d’écoute (sinon HOST)')
    .action(async (opts: { port?: string; host?: string }) => {
      const env = {
        ...process.env,
        ...(opts.port ? { PORT: opts.port } : {}),
        ...(opts.host ? { HOST: opts.host } : {}),
      };
      const platform = await startPlatform(loadConfig(env), (m) => console.log(m));
      console.log(`Observatoire DTS prêt sur ${platform.url}`);
      const stop = async () => {
        await platform.close();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
