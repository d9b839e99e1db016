import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { identitySettingsSchema, type OperatorIdentity, resolveIdentity } from './operator-identity.ts';

/**
 * Every environment variable the platform reads, validated once at start-up.
 * Each entry documents itself; README.md lists the same variables for operators.
 */
const flag = z
  .enum(['0', '1', 'true', 'false', 'oui', 'non'])
  .transform((v) => v === '1' || v === 'true' || v === 'oui');

export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';
export const DEFAULT_MAIL_FROM = 'Observatoire DTS <ne-pas-repondre@localhost>';

/** An optional setting: an empty value counts as absent. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

export const configSchema = z
  .object({
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
    /** Niveau de journalisation du serveur HTTP. */
    ODTS_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /**
     * Chromium (ou Chrome) headless utilisé pour produire les rapports PDF. Absent : les PDF répondent 503,
     * les formats HTML et DOCX restent disponibles (Debian/Ubuntu : apt-get install chromium).
     */
    ODTS_CHROMIUM_PATH: z.string().min(1).default(DEFAULT_CHROMIUM_PATH),
    /**
     * Serveur SMTP des messages (réinitialisation de mot de passe, campagnes), par ex.
     * smtp://utilisateur:motdepasse@smtp.exemple.fr:587 ou smtps://…:465. Absent : chaque message est écrit
     * en fichier .eml dans $ODTS_DATA_DIR/outbox/.
     */
    ODTS_SMTP_URL: optional(z.string().regex(/^smtps?:\/\//, 'doit commencer par smtp:// ou smtps://')),
    /** Expéditeur des messages (champ From). */
    ODTS_MAIL_FROM: z.string().min(3).default(DEFAULT_MAIL_FROM),
    /** Adresse publique du site, pour les liens des messages (sans / final). */
    ODTS_PUBLIC_URL: z
      .string()
      .regex(/^https?:\/\/[^/\s]+(\/[^\s]*)?$/, 'adresse http(s) attendue')
      .transform((u) => u.replace(/\/+$/, ''))
      .default('http://localhost:3000'),
    /** Fournisseur OpenID Connect (URL de l’émetteur, ex. https://auth.agentconnect.gouv.fr/api/v2). Absent : pas de connexion OpenID Connect. */
    ODTS_OIDC_ISSUER: optional(z.string().regex(/^https?:\/\//, 'adresse http(s) attendue')),
    /** Identifiant du client déclaré chez le fournisseur OpenID Connect. */
    ODTS_OIDC_CLIENT_ID: optional(z.string().min(1)),
    /** Secret du client OpenID Connect. */
    ODTS_OIDC_CLIENT_SECRET: optional(z.string().min(1)),
    /** Libellé du bouton de connexion (ex. ProConnect). */
    ODTS_OIDC_LIBELLE: z.string().min(1).max(60).default('OpenID Connect'),
    /**
     * Servi en HTTPS derrière un proxy inverse : cookies de session `Secure`, et en-tête HSTS sur les
     * réponses dont le proxy signale HTTPS (`X-Forwarded-Proto: https`).
     */
    ODTS_HTTPS: flag.default(false),
    /** Aspect de l'interface : neutre (celui du projet) ou dsfr (réservé aux services de l'État). */
    ODTS_THEME: identitySettingsSchema.shape.theme,
    /** Nom de l'exploitant ou du service, en tête des pages et des documents. */
    ODTS_NOM: identitySettingsSchema.shape.nom,
    /** Courte description sous le nom. */
    ODTS_DESCRIPTION: identitySettingsSchema.shape.description,
    /** Chemin d'un logo (PNG, JPEG, SVG, WebP), servi à /identite/logo, repris dans les documents (PNG, JPEG). */
    ODTS_LOGO: identitySettingsSchema.shape.logo,
    /** Adresse électronique ou web de contact. */
    ODTS_CONTACT: identitySettingsSchema.shape.contact,
    /** Mentions légales : le texte, ou le chemin d'un fichier texte. */
    ODTS_MENTIONS_LEGALES: identitySettingsSchema.shape.mentionsLegales,
    /** État de conformité RGAA déclaré : non conforme, partiellement conforme, totalement conforme. */
    ODTS_ACCESSIBILITE: identitySettingsSchema.shape.accessibilite,
    /** Fichier JSON des mêmes réglages sans préfixe (nom, description, logo…) ; les variables l'emportent. */
    ODTS_SETTINGS: z.string().min(1).optional(),
  })
  .superRefine((c, ctx) => {
    if (c.ODTS_OIDC_ISSUER && !(c.ODTS_OIDC_CLIENT_ID && c.ODTS_OIDC_CLIENT_SECRET)) {
      ctx.addIssue({
        code: 'custom',
        path: ['ODTS_OIDC_CLIENT_ID'],
        message: 'ODTS_OIDC_CLIENT_ID et ODTS_OIDC_CLIENT_SECRET sont obligatoires avec ODTS_OIDC_ISSUER',
      });
    }
  });

export type Config = z.infer<typeof configSchema> & { pgliteDir: string; identity: OperatorIdentity };

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.join('.')} : ${i.message}`);
    throw new ConfigError(`Configuration invalide :\n${lines.join('\n')}`);
  }
  const cfg = parsed.data;
  const fromEnv = {
    nom: cfg.ODTS_NOM,
    description: cfg.ODTS_DESCRIPTION,
    logo: cfg.ODTS_LOGO,
    contact: cfg.ODTS_CONTACT,
    mentionsLegales: cfg.ODTS_MENTIONS_LEGALES,
    accessibilite: cfg.ODTS_ACCESSIBILITE,
    theme: cfg.ODTS_THEME,
  };
  const settings = { ...readSettingsFile(cfg.ODTS_SETTINGS) };
  for (const [key, value] of Object.entries(fromEnv))
    if (value !== undefined) Object.assign(settings, { [key]: value });
  return {
    ...cfg,
    pgliteDir: path.resolve(cfg.ODTS_DATA_DIR, 'pglite'),
    identity: resolveIdentity(settings),
  };
}

/** The operator's settings file (ODTS_SETTINGS), checked against the same rules as the variables. */
function readSettingsFile(file: string | undefined) {
  if (!file) return {};
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError(
      `Configuration invalide :\n  - ODTS_SETTINGS : ${file} illisible (${String(error)})`,
    );
  }
  const parsed = identitySettingsSchema.strict().safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ODTS_SETTINGS ${i.path.join('.')} : ${i.message}`);
    throw new ConfigError(`Configuration invalide :\n${lines.join('\n')}`);
  }
  return parsed.data;
}
