import type { SelectionInput } from '../../domain/resources/selection-schemas.ts';
import type { SelectionRow } from './selection.repository.ts';

/** A sélection as the API returns it: the fields as entered, plus id, version and dates. */
export function presentSelection(row: SelectionRow) {
  const doc = row.document as SelectionInput;
  return {
    id: row.id,
    ...doc,
    nombreNotices: row.nombre_notices,
    version: row.version,
    creeLe: row.cree_le.toISOString(),
    modifieLe: row.modifie_le.toISOString(),
  };
}
export type PresentedSelection = ReturnType<typeof presentSelection>;

/** A line of the list of sélections. */
export function presentSelectionSummary(row: SelectionRow) {
  const doc = row.document as SelectionInput;
  return {
    id: row.id,
    titre: doc.titre,
    date: doc.date,
    auteurs: doc.auteurs,
    nombreNotices: row.nombre_notices,
    version: row.version,
    modifieLe: row.modifie_le.toISOString(),
  };
}

/** The stored form used in the change history: the sélection as entered, plus its version. */
export function selectionSnapshot(id: string, version: number, s: SelectionInput) {
  return { id, version, ...s };
}
