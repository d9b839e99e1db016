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
