import { z } from '../zod-fr.ts';

export const outboxEntry = z.object({
  fichier: z.string(),
  date: z.string(),
  a: z.string(),
  sujet: z.string(),
});
export const outboxMessage = outboxEntry.extend({ texte: z.string() });
export const outboxPage = z.object({
  /** False when messages go through an SMTP server (no outbox). */
  active: z.boolean(),
  dossier: z.string().nullable(),
  total: z.number(),
  page: z.number(),
  resultats: z.array(outboxEntry),
});
export const outboxQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  parPage: z.coerce.number().int().min(1).max(200).default(50),
});
export const outboxFileParams = z.object({ fichier: z.string().min(1).max(100) });
