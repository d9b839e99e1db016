import { z } from '../zod-fr.ts';
import { noticeInput } from './schemas.ts';
import type { SelectionInput, SelectionSection } from './selection-schemas.ts';

/** Merging two notices that describe one document: the shapes of the API and the pure parts. */

export const noticePairsQuery = z.object({
  /** Least similarity of the folded titles for a pair to be listed (same DOI or address always are). */
  similarite: z.coerce
    .number({ error: 'similarite : nombre entre 0,3 et 1 attendu' })
    .min(0.3, 'similarite : 0,3 au moins')
    .max(1, 'similarite : 1 au plus')
    .default(0.6),
  limit: z.coerce
    .number()
    .int()
    .min(1, 'limit doit être au moins 1')
    .max(200, 'limit ne peut pas dépasser 200')
    .default(50),
});

const versionedRef = (role: string) =>
  z
    .object({
      id: z
        .string({ error: `${role} : identifiant attendu` })
        .trim()
        .min(1)
        .max(64),
      version: z
        .number({ error: `${role} : version attendue` })
        .int()
        .min(1),
    })
    .strict();

/**
 * `garder` survives with the field values chosen (`notice`), `retirer` is deleted; both at the versions
 * the documentalist compared, so that a change made meanwhile is never merged away unseen.
 */
export const noticeMergeInput = z
  .object({
    garder: versionedRef('garder'),
    retirer: versionedRef('retirer'),
    notice: noticeInput,
  })
  .strict()
  .refine((m) => m.garder.id !== m.retirer.id, {
    path: ['retirer'],
    message: 'une notice ne peut pas être fusionnée avec elle-même',
  });
export type NoticeMergeInput = z.output<typeof noticeMergeInput>;

const CITATION = /\[\[([^[\]]+)\]\]/g;

/** `[[a, b]]` citations of `from` now cite `to` (once, if the text cited both). */
function recite(text: string | null, from: string, to: string): string | null {
  if (!text) return text;
  return text.replace(CITATION, (whole, ids: string) => {
    const list = ids.split(',').map((s) => s.trim());
    if (!list.includes(from)) return whole;
    const renamed = [...new Set(list.map((id) => (id === from ? to : id)))];
    return `[[${renamed.join(', ')}]]`;
  });
}

function resection(s: SelectionSection, from: string, to: string): SelectionSection {
  return {
    ...s,
    presentation: recite(s.presentation, from, to),
    notices: s.notices.map((e) => ({
      ...e,
      notice: e.notice === from ? to : e.notice,
      commentaire: recite(e.commentaire, from, to),
    })),
    sections: s.sections.map((c) => resection(c, from, to)),
  };
}

/**
 * The sélection with every mention of notice `from` (entries and citations) pointing to `to`, or null
 * when it never mentions it: a merged-away notice must not silently drop out of the documents citing it.
 */
export function repointSelection(s: SelectionInput, from: string, to: string): SelectionInput | null {
  const next = {
    ...s,
    introduction: recite(s.introduction, from, to),
    sections: s.sections.map((c) => resection(c, from, to)),
  };
  return JSON.stringify(next) === JSON.stringify(s) ? null : next;
}
