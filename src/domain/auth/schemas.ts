import { CODE_PATTERNS } from '../territories/types.ts';
import { z } from '../zod-fr.ts';
import { ROLES } from './roles.ts';

const email = z
  .string()
  .trim()
  .max(254)
  .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'adresse électronique invalide');

/** The strength rule of every password (accounts, changes, resets). */
export const password = z
  .string()
  .min(12, 'au moins 12 caractères')
  .max(200, '200 caractères au plus')
  .refine((s) => !/\p{Cc}/u.test(s), 'caractère de contrôle interdit');

export const roleSchema = z.enum(ROLES, {
  error: () => `rôle inconnu : ${ROLES.join(', ')} attendus`,
});

const regionCode = z.string().regex(CODE_PATTERNS.region, 'code de région INSEE attendu (ex. 84)');

export const loginInput = z.object({
  email,
  motDePasse: z.string().min(1, 'mot de passe obligatoire').max(200),
});
export type LoginInput = z.infer<typeof loginInput>;

export const userInput = z.object({
  email,
  nom: z.string().trim().max(200).default(''),
  role: roleSchema,
  regions: z.array(regionCode).max(20).default([]),
  dynamiques: z.array(z.string().min(1).max(100)).max(500).default([]),
  motDePasse: password.optional(),
});
export type UserInput = z.infer<typeof userInput>;

export const userUpdate = userInput.omit({ email: true, motDePasse: true }).extend({
  actif: z.boolean().default(true),
});
export type UserUpdate = z.infer<typeof userUpdate>;

export const passwordChange = z.object({
  ancien: z.string().min(1).max(200),
  nouveau: password,
});

export const tokenInput = z.object({
  libelle: z.string().trim().min(1).max(200).default('jeton de script'),
  role: roleSchema,
  regions: z.array(regionCode).max(20).default([]),
});
export type TokenInput = z.infer<typeof tokenInput>;

export const userIdParams = z.object({ id: z.string().min(1).max(100) });

export const forgotPasswordInput = z.object({ email });

export const resetPasswordInput = z.object({
  jeton: z.string().trim().min(10, 'lien de réinitialisation incomplet').max(200),
  motDePasse: password,
});

/** The person whose data are exported or erased (RGPD), named by e-mail. */
export const personInput = z.object({ email });
