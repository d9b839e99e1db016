import { type CatalogueAction, catalogueAction } from '../domain/actions/catalogue-action.ts';
import { durationYears } from '../domain/actions/grid-analysis.ts';
import type { ActionOut } from '../domain/actions/responses.ts';
import type { ActionInput } from '../domain/actions/schemas.ts';
import type { ActionDerived, ActionRow } from './action.repository.ts';

/** A stored row as the in-memory catalogue keeps it. */
export function fromRow(row: ActionRow): CatalogueAction {
  const derived = row.derive as ActionDerived;
  return catalogueAction({
    id: row.id,
    doc: row.document as ActionInput,
    version: row.version,
    creeLe: row.cree_le.toISOString(),
    modifieLe: row.modifie_le.toISOString(),
    geo: derived.geo,
    dynamiques: derived.dynamiques,
  });
}

/** An action as the API returns it: the fields as entered, plus duration, what was derived, version, dates. */
export function presentAction(a: CatalogueAction, today: string): ActionOut {
  const d = a.doc;
  return {
    id: a.id,
    ...d,
    duree: d.debut ? Math.round(durationYears(d.debut, d.fin ?? today) * 100) / 100 : null,
    dynamiquesDetail: a.dynamiques,
    departements: a.geo.departements,
    regions: a.geo.regions,
    version: a.version,
    creeLe: a.creeLe,
    modifieLe: a.modifieLe,
  };
}

/** The stored form used in the change history: the action as entered, plus its version. */
export function historySnapshot(id: string, version: number, action: ActionInput) {
  return { id, version, ...action };
}

export const todayIso = () => new Date().toISOString().slice(0, 10);
