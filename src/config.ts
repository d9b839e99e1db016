import path from 'node:path';
import { z } from 'zod';

/**
 * Every environment variable the platform reads, validated once at start-up.
 * Each entry documents itself; README.md lists the same variables for operators.
 */
const flag = z
  .enum(['0', '1', 'true', 'false', 'oui', 'non'])
  .transform((v) => v === '1' || v === 'true' || v === 'oui');

export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';

export const configSchema = z.object({
  /** Port HTTP d'écoute. */
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Adresse d'écoute (0.0.0.0 pour exposer sur le réseau). */
  HOST: z.string().min(1).default('127.0.0.1'),
  /** Dossier des données locales : base PGlite, fichiers générés. */
  ODTS_DATA_DIR: z.string().min(1).default('./data'),
  /** Si défini, utilise ce serveur PostgreSQL au lieu de la base embarquée. */
  DATABASE_URL: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'doit commencer par postgres:// ou postgresql://')
      .optional(),
  ),
  /** Charge les données de démonstration au premier démarrage (0 pour démarrer sans). */
  ODTS_DEMO: flag.default(true),
  /**
   * Servi en HTTPS derrière un proxy inverse : cookies de session `Secure`, et en-tête HSTS sur les
   * réponses dont le proxy signale HTTPS (`X-Forwarded-Proto: https`).
   */
  ODTS_HTTPS: flag.default(false),
  /** Niveau de journalisation du serveur HTTP. */
  ODTS_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /**
   * Chromium (ou Chrome) headless utilisé pour produire les rapports PDF. Absent : les PDF répondent 503,
   * les formats HTML et DOCX restent disponibles (Debian/Ubuntu : apt-get install chromium).
   */
  ODTS_CHROMIUM_PATH: z.string().min(1).default(DEFAULT_CHROMIUM_PATH),
});

export type Config = z.infer<typeof configSchema> & { pgliteDir: string };

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.join('.')} : ${i.message}`);
    throw new ConfigError(`Configuration invalide :\n${lines.join('\n')}`);
  }
  const cfg = parsed.data;
  return { ...cfg, pgliteDir: path.resolve(cfg.ODTS_DATA_DIR, 'pglite') };
}
