import { ACRONYMS } from '../domain/resources/acronyms.ts';
import { THESAURUS } from '../domain/resources/thesaurus.ts';
import {
  ABSTRACT_ORIGINS,
  AUDIENCE_LABELS,
  AUDIENCES,
  DISPOSITIF_LABELS,
  NOTICE_DISPOSITIFS,
  NOTICE_TYPE_LABELS,
  NOTICE_TYPES,
  OFFICIAL_TEXT_KINDS,
  OFFICIAL_TEXT_LABELS,
  THEME_LABELS,
  THEMES,
} from '../domain/resources/vocabulary.ts';

const ORIGIN_LABELS = {
  propre: 'rédigé par le centre de documentation',
  auteur: 'de l’auteur',
  editeur: 'de l’éditeur',
};

const list = <T extends string>(values: readonly T[], labels: Record<T, string>) =>
  values.map((valeur) => ({ valeur, libelle: labels[valeur] }));

/** The controlled lists of the bibliographic base, for forms and filters. */
export function vocabularies() {
  return {
    types: list(NOTICE_TYPES, NOTICE_TYPE_LABELS),
    sousTypes: list(OFFICIAL_TEXT_KINDS, OFFICIAL_TEXT_LABELS),
    dispositifs: list(NOTICE_DISPOSITIFS, DISPOSITIF_LABELS),
    themes: list(THEMES, THEME_LABELS),
    publics: list(AUDIENCES, AUDIENCE_LABELS),
    originesResume: list(ABSTRACT_ORIGINS, ORIGIN_LABELS),
    motsCles: THESAURUS,
    sigles: ACRONYMS.map((a) => ({ sigle: a.sigle, formes: a.formes })),
  };
}
