import type { DynamicKind } from '../domain/registry/kinds.ts';
import { noticeSearchQuery } from '../domain/resources/schemas.ts';
import { NOTICE_DISPOSITIFS } from '../domain/resources/vocabulary.ts';

export interface NoticeHit {
  id: string;
  titre: string;
  auteurs: { nom?: string | null; prenom?: string | null; organisation?: string | null }[];
  date: string | null;
  url: string | null;
}

/** « Auteur, Titre, année. adresse » — short enough for a list in a dossier. */
export function noticeReference(n: NoticeHit): string {
  const author = n.auteurs
    .slice(0, 2)
    .map((a) => a.organisation ?? [a.prenom, a.nom].filter(Boolean).join(' '))
    .filter(Boolean)
    .join(', ');
  const year = n.date ? n.date.slice(0, 4) : null;
  return [author, n.titre, year].filter(Boolean).join(', ') + (n.url ? ` — ${n.url}` : '');
}

/**
 * The dossier's reading list: documents the documentalist addressed to elected officials (public « élus »),
 * about the kinds discussed first, then any other such document, eight at most.
 */
export function readingsFrom(
  search: (query: ReturnType<typeof noticeSearchQuery.parse>) => Promise<{ items: NoticeHit[] }>,
) {
  return async (kinds: DynamicKind[]): Promise<string[]> => {
    const dispositif = kinds.filter((k): k is (typeof NOTICE_DISPOSITIFS)[number] =>
      (NOTICE_DISPOSITIFS as readonly string[]).includes(k),
    );
    const about = await search(
      noticeSearchQuery.parse({ public: 'elus', dispositif: dispositif.join(','), tri: 'date', limit: 8 }),
    );
    const seen = new Set(about.items.map((n) => n.id));
    const general =
      about.items.length >= 8
        ? []
        : (await search(noticeSearchQuery.parse({ public: 'elus', tri: 'date', limit: 8 }))).items;
    return [...about.items, ...general.filter((n) => !seen.has(n.id))]
      .slice(0, 8)
      .map((n) => noticeReference(n));
  };
}
