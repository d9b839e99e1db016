import { z } from '../zod-fr.ts';

const snapshot = z.unknown().meta({
  type: ['object', 'null'],
  description: 'la fiche telle qu’enregistrée (null avant une création, après une suppression)',
});

/**
 * One change of a record, the same for every kind of record (dynamics, notices, glossary entries,
 * sélections): who changed it, when, how, and the record as stored before and after.
 */
export const historyEntry = z
  .object({
    /** ISO 8601 date and time of the change. */
    date: z.string(),
    auteur: z.string(),
    /** creation, modification, suppression, migration_commune, annulation… */
    action: z.string(),
    /** Version the change produced (the removed version for a deletion; null for very old rows). */
    version: z.number().int().nullable(),
    /** Where the change came from: interactif, import, annulation, systeme, campagne. */
    source: z.string(),
    /** Change set (import) the change belongs to, revertible as a whole. */
    lot: z.string().nullable(),
    // The record as stored before and after the change (null before a creation, after a deletion).
    // Typed `unknown`: stored snapshots are read back from JSON columns, whose type is unknown.
    avant: snapshot,
    apres: snapshot,
  })
  .meta({ id: 'EntreeHistorique' });
export type HistoryEntry = z.infer<typeof historyEntry>;

export const historyList = z.object({
  total: z.number().int(),
  items: z.array(historyEntry),
  /** Names of the codes and identifiers the entries mention (territories, linked records), for sentences. */
  noms: z.record(z.string(), z.string()).optional(),
});
export type HistoryList = z.infer<typeof historyList>;
