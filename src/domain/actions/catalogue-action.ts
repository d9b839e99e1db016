import { foldText, searchTokens } from '../text/normalize.ts';
import { FACETS, facetValues } from './action-filter.ts';
import type { GridAction } from './grid-analysis.ts';
import type { ActionInput } from './schemas.ts';

/** Where an action stands on the map, derived from its territory and the reference at write time. */
export interface ActionGeography {
  /** Every commune covered: named ones, those of the EPCI and of the QPV named. */
  communes: string[];
  epci: string[];
  departements: string[];
  regions: string[];
}

/** A dynamic the action involves, with its kind as the registry knew it when the action was written. */
export interface InvolvedDynamic {
  id: string;
  role: 'porteur' | 'partenaire';
  /** ASV, CLS… ; null when the dynamic was not found. */
  type: string | null;
  nom: string | null;
}

/** An action as searched and analysed in memory: the stored record and what is derived from it. */
export interface CatalogueAction {
  id: string;
  doc: ActionInput;
  version: number;
  creeLe: string;
  modifieLe: string;
  geo: ActionGeography;
  dynamiques: InvolvedDynamic[];
  /** Folded words of the title, abstract, partners and funders, each preceded by a space (prefix search). */
  words: string;
  /** Folded title: sorts by title without a collator (accents and case ignored). */
  titleKey: string;
  /** `facet:value` of every facet value of the action, computed once (the index is rebuilt after writes). */
  facetKeys: string[];
  /** Distinct words of `words`. */
  wordList: string[];
  /** What the grid analyses read, built once. */
  grid: GridAction;
  startYear: number | null;
}

export function catalogueAction(record: {
  id: string;
  doc: ActionInput;
  version: number;
  creeLe: string;
  modifieLe: string;
  geo: ActionGeography;
  dynamiques: InvolvedDynamic[];
}): CatalogueAction {
  const d = record.doc;
  const text = [
    d.titre,
    d.resume ?? '',
    ...d.partenaires.map((p) => p.nom),
    ...d.financeurs.map((f) => f.nom ?? ''),
  ].join(' ');
  const tokens = searchTokens(text);
  const action = {
    ...record,
    words: ` ${tokens.join(' ')}`,
    titleKey: foldText(d.titre),
    facetKeys: [] as string[],
    wordList: [...new Set(tokens)],
    grid: {
      echelle: d.echelle,
      milieu: d.milieu,
      qpv: d.qpv,
      impliqueVille: d.impliqueVille,
      financeurs: d.financeurs,
      politiques: d.politiques,
      debut: d.debut,
      fin: d.fin,
      dynamiques: record.dynamiques,
    },
    startYear: d.debut ? Number(d.debut.slice(0, 4)) : null,
  };
  const values = facetValues(action);
  for (const facet of FACETS) for (const value of values[facet]) action.facetKeys.push(`${facet}:${value}`);
  return action;
}
