import type { Contributor, NoticeInput } from './schemas.ts';
import { OFFICIAL_TEXT_LABELS } from './vocabulary.ts';

/**
 * The text of a notice the full-text search reads, by weight: A title; B authors, editors, keywords,
 * tags and dispositifs; C abstract; D container, series, publisher and kind of official text.
 */
export interface WeightedText {
  a: string;
  b: string;
  c: string;
  d: string;
}

export function contributorName(c: Contributor): string {
  return 'organisation' in c ? c.organisation : [c.prenom, c.nom].filter(Boolean).join(' ');
}

export function searchText(n: NoticeInput): WeightedText {
  return {
    a: n.titre,
    b: [
      ...n.auteurs.map(contributorName),
      ...n.directeurs.map(contributorName),
      ...n.motsCles,
      ...n.etiquettes,
      ...n.dispositifs,
    ].join(' ; '),
    c: n.resume ?? '',
    d: [n.conteneur?.titre, n.collection, n.editeur, n.sousType ? OFFICIAL_TEXT_LABELS[n.sousType] : null]
      .filter(Boolean)
      .join(' ; '),
  };
}
