import { z } from '../zod-fr.ts';
import { historyEntry } from './history.ts';
import { pageOf } from './responses.ts';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'date AAAA-MM-JJ attendue')
  .refine((s) => {
    const date = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(s);
  }, 'date inexistante');

/** Filters of the audit log: who, which kind of record (and which one), between which dates. */
export const auditQuery = z.object({
  auteur: z.string().trim().min(1).max(254).optional(),
  entite: z.string().trim().min(1).max(50).optional(),
  entiteId: z.string().trim().min(1).max(200).optional(),
  source: z.string().trim().min(1).max(50).optional(),
  depuis: isoDate.optional(),
  jusqua: isoDate.optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditQuery = z.infer<typeof auditQuery>;

export const auditEntry = historyEntry
  .extend({ id: z.number().int(), entite: z.string(), entiteId: z.string() })
  .meta({ id: 'EntreeJournal' });
export const auditPage = pageOf(auditEntry);
