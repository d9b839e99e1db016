import { z } from '../zod-fr.ts';

export const userOut = z
  .object({
    id: z.string(),
    email: z.string(),
    nom: z.string(),
    role: z.string(),
    regions: z.array(z.string()),
    dynamiques: z.array(z.string()),
    actif: z.boolean(),
    creeLe: z.string(),
    version: z.number().int(),
  })
  .meta({ id: 'Compte' });

export const userList = z.object({ total: z.number().int(), items: z.array(userOut) });

export const meOut = z.object({
  id: z.string(),
  email: z.string(),
  nom: z.string().optional(),
  role: z.string(),
  regions: z.array(z.string()),
  dynamiques: z.array(z.string()).optional(),
  actif: z.boolean().optional(),
  creeLe: z.string().optional(),
  version: z.number().int().optional(),
  /** What the account may do (`registre`, `ressources`, `comptes`…). */
  permissions: z.array(z.string()),
  /** Anti-forgery token to echo in `X-CSRF-Token` on cookie writes (null with a bearer token). */
  csrf: z.string().nullable(),
});

export const loginOut = z.object({ utilisateur: userOut, csrf: z.string() });

export const tokenOut = z.object({
  id: z.string(),
  libelle: z.string(),
  role: z.string(),
  regions: z.array(z.string()),
  creeLe: z.string(),
  revoque: z.boolean(),
});
export const tokenList = z.object({ total: z.number().int(), items: z.array(tokenOut) });

/** A new token: `jeton` is shown this once and never stored. */
export const tokenCreated = z.object({
  id: z.string(),
  libelle: z.string(),
  role: z.string(),
  regions: z.array(z.string()),
  jeton: z.string(),
  creePar: z.string(),
});

/** A plain French confirmation (reset requested, password set). */
export const messageOut = z.object({ message: z.string() });

/** How one may sign in: always a password; OpenID Connect when configured, with its button label. */
export const providersOut = z.object({
  motDePasse: z.boolean(),
  oidc: z.object({ libelle: z.string(), url: z.string() }).nullable(),
});

/** A dynamic's contact carrying the person's e-mail. */
export const personalContact = z.object({
  entite: z.string(),
  id: z.string(),
  libelle: z.string(),
  donnees: z.unknown(),
});

/** Everything the platform keeps about one person (RGPD access right). */
export const personalDataOut = z.object({
  email: z.string(),
  exporteLe: z.string(),
  compte: userOut.nullable(),
  sessions: z.array(z.object({ creeLe: z.string(), expireLe: z.string() })),
  jetons: z.array(
    z.object({ id: z.string(), libelle: z.string(), creeLe: z.string(), revoque: z.boolean() }),
  ),
  historique: z.array(
    z.object({
      entite: z.string(),
      entiteId: z.string(),
      date: z.string(),
      action: z.string(),
      version: z.number().int().nullable(),
      source: z.string(),
    }),
  ),
  contacts: z.array(personalContact),
});

/** What an erasure did. */
export const erasureOut = z.object({
  email: z.string(),
  pseudonyme: z.string(),
  compte: z.string().nullable(),
  contactsRetires: z.array(z.object({ entite: z.string(), id: z.string(), libelle: z.string() })),
  historiqueAnonymise: z.number().int(),
});
