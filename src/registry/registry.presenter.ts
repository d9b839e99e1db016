import type { Actor } from '../domain/actor.ts';
import { can } from '../domain/auth/roles.ts';
import type { DynamicInput } from '../domain/registry/schemas.ts';
import { freshness, statusAt } from '../domain/registry/timeline.ts';
import type { DynamicRow } from './registry.repository.ts';

/** Contacts leave the server only with their consent, unless the reader is identified. */
/** Whether the actor may see contacts that did not consent to publication (roles that edit the registry). */
export const seesPrivateContacts = (actor: Actor) => can(actor, 'registre');

export function visibleContacts(actor: Actor, contacts: DynamicInput['contacts']) {
  return seesPrivateContacts(actor) ? contacts : contacts.filter((c) => c.public);
}

export function presentDynamic(
  row: DynamicRow,
  communes: string[],
  options: { actor: Actor; date: string; today: string },
) {
  const doc = row.document as DynamicInput;
  const recordedOn = recordedDay(row);
  const statut = statusAt(doc, options.date, recordedOn);
  return {
    id: row.id,
    type: doc.type,
    nom: doc.nom,
    statut,
    statutSaisi: doc.statut ?? null,
    porteur: doc.porteur ?? null,
    perimetre: {
      communes,
      epci: doc.perimetre.epci,
      departements: doc.perimetre.departements,
      qpv: doc.perimetre.qpv,
      communesSaisies: doc.perimetre.communes,
    },
    dateDebut: doc.dateDebut ?? null,
    dateFin: doc.dateFin ?? null,
    evenements: [...doc.evenements].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)),
    coordination: doc.coordination,
    liens: doc.liens,
    sources: doc.sources,
    signataires: doc.signataires,
    contacts: visibleContacts(options.actor, doc.contacts),
    specifique: doc.specifique,
    fraicheur: {
      ...freshness(
        { type: doc.type, dateFin: doc.dateFin, statut: statusAt(doc, options.today, recordedOn) },
        row.verifie_le,
        options.today,
      ),
      verifiePar: row.verifie_par,
    },
    date: options.date,
    version: row.version,
    creeLe: row.cree_le.toISOString(),
    modifieLe: row.modifie_le.toISOString(),
  };
}
export type PresentedDynamic = ReturnType<typeof presentDynamic>;

/** The day a record was entered: it dates a declared status that nothing else dates. */
export function recordedDay(row: { cree_le: Date }): string {
  return row.cree_le.toISOString().slice(0, 10);
}

/** The stored form used in the change history: the record as entered, plus its version. */
export function historySnapshot(id: string, version: number, doc: DynamicInput) {
  return { id, version, ...doc };
}
