import { FIELD_LABELS } from '../../lib/labels.ts';

/** Server messages by field path (`nom`, `porteur.type`, `evenements.0.date`), as the 400 `champs` gives them. */
export type FieldErrors = Record<string, string>;

/** DSFR props putting a field in its error state with the server's message. */
export function errorState(message: string | undefined) {
  return message ? { state: 'error' as const, stateRelatedMessage: message } : {};
}

/** The message for `path`, or for anything below it (`perimetre` also catches `perimetre.communes.3`). */
export function messageFor(errors: FieldErrors, path: string): string | undefined {
  if (errors[path]) return errors[path];
  const below = Object.keys(errors).find((k) => k.startsWith(`${path}.`));
  return below ? errors[below] : undefined;
}

const SUB_LABELS: Record<string, string> = {
  nom: 'nom',
  type: 'type',
  code: 'code',
  date: 'date',
  statut: 'statut',
  note: 'note',
  titre: 'titre',
  url: 'adresse',
  consulte: 'consultée le',
  communes: 'communes',
  epci: 'intercommunalités',
  departements: 'départements',
  qpv: 'QPV',
  cible: 'dynamique liée',
  debut: 'début',
  fin: 'fin',
};

/** "evenements.0.date" → "Événements, ligne 1, date". */
export function describePath(path: string): string {
  const [head = '', ...rest] = path.split('.');
  const parts = [FIELD_LABELS[head] ?? head];
  for (const p of rest) parts.push(/^\d+$/.test(p) ? `ligne ${Number(p) + 1}` : (SUB_LABELS[p] ?? p));
  return parts.join(', ');
}

/** Where the error summary links to: the first field of that part of the form. */
export function anchorFor(path: string): string {
  const [head = '', index, sub] = path.split('.');
  if (/^\d+$/.test(index ?? '') && sub) return `#champ-${head}-${index}-${sub}`;
  if (head === 'porteur') return `#champ-porteur-${index === 'type' ? 'type' : 'nom'}`;
  return `#champ-${head}`;
}

/**
 * The record-level rules the server checks only once every field is well formed, so that a first
 * attempt lists every missing part at once. The server's own messages take precedence.
 */
export function missingParts(d: {
  perimetre: { communes: string[]; epci: string[]; departements: string[]; qpv: string[] };
  statut: string;
  evenements: unknown[];
}): FieldErrors {
  const errors: FieldErrors = {};
  if (Object.values(d.perimetre).every((codes) => codes.length === 0))
    errors.perimetre = 'le périmètre doit contenir au moins un territoire';
  if (!d.statut && d.evenements.length === 0)
    errors.statut = 'indiquez un statut ou au moins un événement daté';
  return errors;
}
