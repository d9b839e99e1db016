import { yearOf } from '../domain/resources/identifiers.ts';
import type { FacetCounts } from '../domain/resources/index-search.ts';
import type { NoticeInput } from '../domain/resources/schemas.ts';
import {
  AUDIENCE_LABELS,
  AUDIENCES,
  DISPOSITIF_LABELS,
  NOTICE_DISPOSITIFS,
  NOTICE_TYPE_LABELS,
  NOTICE_TYPES,
  THEME_LABELS,
  THEMES,
} from '../domain/resources/vocabulary.ts';
import type { NoticeRow } from './notice.repository.ts';

/** A notice as the API returns it: the fields as entered, plus id, year, version and dates. */
export function presentNotice(row: NoticeRow) {
  const doc = row.document as NoticeInput;
  return {
    id: row.id,
    ...doc,
    annee: yearOf(doc.date),
    version: row.version,
    creeLe: row.cree_le.toISOString(),
    modifieLe: row.modifie_le.toISOString(),
  };
}
export type PresentedNotice = ReturnType<typeof presentNotice>;

/** The stored form used in the change history: the notice as entered, plus its version. */
export function historySnapshot(id: string, version: number, notice: NoticeInput) {
  return { id, version, ...notice };
}

export interface Facet {
  valeur: string | number;
  libelle: string;
  nombre: number;
}

const byCount = (a: Facet, b: Facet) =>
  b.nombre - a.nombre || String(a.valeur).localeCompare(String(b.valeur));

function fromCounts<T extends string>(
  values: readonly T[],
  labels: Record<T, string>,
  counts: number[],
): Facet[] {
  return counts
    .flatMap((nombre, i) => {
      const valeur = values[i];
      return valeur && nombre > 0 ? [{ valeur, libelle: labels[valeur], nombre }] : [];
    })
    .sort(byCount);
}

/** Facet counts of the filtered set: most frequent first; years from the most recent. */
export function presentFacets(f: FacetCounts) {
  return {
    type: [...f.types]
      .flatMap(([i, nombre]) => {
        const valeur = NOTICE_TYPES[i];
        return valeur ? [{ valeur, libelle: NOTICE_TYPE_LABELS[valeur], nombre }] : [];
      })
      .sort(byCount),
    annee: [...f.years]
      .map(([valeur, nombre]) => ({ valeur, libelle: String(valeur), nombre }))
      .sort((a, b) => b.valeur - a.valeur),
    dispositif: fromCounts(NOTICE_DISPOSITIFS, DISPOSITIF_LABELS, f.dispositifs),
    theme: fromCounts(THEMES, THEME_LABELS, f.themes),
    public: fromCounts(AUDIENCES, AUDIENCE_LABELS, f.audiences),
  };
}

/** A notice in a territory's short list: what the list shows, and how it is linked to the territory. */
export function presentLinked(n: PresentedNotice, via: 'territoire' | 'dynamique') {
  return {
    id: n.id,
    type: n.type,
    titre: n.titre,
    auteurs: n.auteurs,
    date: n.date,
    annee: n.annee,
    url: n.url,
    dispositifs: n.dispositifs,
    via,
  };
}

export type LinkedNotice = ReturnType<typeof presentLinked>;
