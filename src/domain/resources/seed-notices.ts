import { z } from '../zod-fr.ts';
import { fillEmptyFields } from './dedup.ts';
import { type NoticeInput, noticeInput } from './schemas.ts';

/**
 * Seed files of the resource centre (data-seed/ressources/<slug>.json): the notices a reference
 * document cites and the tree of its sections. Only what the notice loader needs is checked here;
 * each notice is validated by `noticeInput`.
 */
export const seedNoticeFile = z.object({
  document: z.object({ fichier: z.string(), titre: z.string() }).passthrough(),
  selection: z.object({}).passthrough(),
  notices: z.array(
    z.object({ cle: z.string({ error: 'cle obligatoire' }).trim().min(1, 'cle obligatoire') }).passthrough(),
  ),
});

const TAG_FIELDS = ['dispositifs', 'themes', 'publics', 'motsCles', 'etiquettes'] as const;

/**
 * One notice from two descriptions of the same document: the fields `kept` leaves empty come from
 * `other`, and the tags (dispositifs, themes, audiences, keywords, free tags) of both are kept.
 */
export function mergeSeedNotices(kept: NoticeInput, other: NoticeInput): NoticeInput {
  const merged: Record<string, unknown> = { ...fillEmptyFields(kept, other) };
  for (const field of TAG_FIELDS) merged[field] = [...new Set([...kept[field], ...other[field]])];
  // Parsed again so the tags are ordered and filed as any notice's are.
  return noticeInput.parse(merged);
}
