/**
 * Which journal entries can be restored, and how: the record's own address takes the stored version
 * back through its ordinary PUT with If-Match, so every rule of that record (validation, scopes, the
 * optimistic check, the history) applies to a restoration as to any edit.
 */

interface RestorableKind {
  /** The record's address in the API. */
  url: (id: string) => string;
  /** Permission the signed-in role needs to write such a record (`/api/moi` lists them). */
  permission: string;
  /** Whether a deleted record of this kind can be written again (`POST /api/historique/…/restaurer`). */
  undeletable: boolean;
}

const KINDS: Record<string, RestorableKind> = {
  dynamique: {
    url: (id) => `/api/dynamiques/${encodeURIComponent(id)}`,
    permission: 'registre',
    undeletable: true,
  },
  notice: {
    url: (id) => `/api/ressources/${encodeURIComponent(id)}`,
    permission: 'ressources',
    undeletable: true,
  },
  selection: {
    url: (id) => `/api/selections/${encodeURIComponent(id)}`,
    permission: 'ressources',
    undeletable: false,
  },
};

export interface RestoreTarget {
  url: string;
  /** Where a deleted record is written again from the journal; null for kinds that cannot be. */
  undeleteUrl: string | null;
  /** The journal's latest entry for the record: its stored form now, compared with the one restored. */
  latestUrl: string;
  /** The record as that version stored it, as its PUT takes it. */
  body: Record<string, unknown>;
  version: number;
}

/**
 * The version a journal entry produced, ready to be written back; null when the entry cannot be
 * restored (a deletion, a kind without an edit route, a role that may not write it).
 */
export function restoreTarget(
  entry: { entite: string; entiteId: string; apres: unknown; version: number | null },
  permissions: readonly string[],
): RestoreTarget | null {
  const kind = KINDS[entry.entite];
  if (!kind || !permissions.includes(kind.permission)) return null;
  const after = entry.apres;
  if (typeof after !== 'object' || after === null || Array.isArray(after) || entry.version === null)
    return null;
  const { id: _id, version: _version, ...body } = after as Record<string, unknown>;
  const latestUrl = `/api/audit?entite=${encodeURIComponent(entry.entite)}&entiteId=${encodeURIComponent(entry.entiteId)}&limit=1`;
  const undeleteUrl = kind.undeletable
    ? `/api/historique/${encodeURIComponent(entry.entite)}/${encodeURIComponent(entry.entiteId)}/restaurer`
    : null;
  return { url: kind.url(entry.entiteId), undeleteUrl, latestUrl, body, version: entry.version };
}

/** The kinds of record the journal knows, for its filter. */
export const ENTITY_LABELS: Record<string, string> = {
  dynamique: 'Dynamiques',
  notice: 'Notices',
  selection: 'Sélections',
  glossaire: 'Glossaire',
};
