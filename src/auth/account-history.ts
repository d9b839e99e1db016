import type { Actor } from '../domain/actor.ts';
import { actorLabel } from '../domain/actor.ts';
import type { HistoryEntry } from '../kernel/history/history.repository.ts';
import type { UserRow } from './account.repository.ts';

/** `historique.entite` of accounts and API tokens. */
export const USER_ENTITY = 'utilisateur';
export const TOKEN_ENTITY = 'jeton';

/** What the password column says in a snapshot: never the hash, only whether one is set or was changed. */
export type PasswordState = 'défini' | 'aucun' | 'changé';

/** An account as the history keeps it: everything an administrator sees, and the password's state only. */
export function userSnapshot(u: UserRow, overrides: Partial<UserRow> = {}, password?: PasswordState) {
  const row = { ...u, ...overrides };
  return {
    id: row.id,
    version: row.version,
    email: row.email,
    nom: row.nom,
    role: row.role,
    regions: row.regions,
    dynamiques: row.dynamiques,
    actif: row.actif,
    motDePasse: password ?? (row.mot_de_passe ? 'défini' : 'aucun'),
  };
}

export interface TokenSnapshotSource {
  id: string;
  libelle: string;
  role: string;
  regions: string[];
  utilisateur: string | null;
  revoque: boolean;
}

export const tokenSnapshot = (t: TokenSnapshotSource) => ({ ...t });

export function accountEntry(
  actor: Actor,
  entite: string,
  entiteId: string,
  action: HistoryEntry['action'],
  avant: unknown,
  apres: unknown,
  source = 'interactif',
): HistoryEntry {
  return {
    entite,
    entiteId,
    action,
    auteur: actorLabel(actor),
    lot: null,
    source,
    avant,
    apres,
  };
}
