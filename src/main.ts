import { ConfigError, loadConfig } from './config.ts';
import { isAppError } from './domain/errors.ts';
import { startPlatform } from './platform.ts';

const log = (m: string) => console.log(m);

try {
  const started = Date.now();
  const platform = await startPlatform(loadConfig(), log);
  log(`Observatoire DTS prêt sur ${platform.url} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  const stop = async () => {
    log('Arrêt…');
    await platform.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  console.error(error instanceof ConfigError || isAppError(error) ? `Erreur : ${error.message}` : error);
  process.exit(1);
}
