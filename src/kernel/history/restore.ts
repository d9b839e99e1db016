import type { Actor } from '../../domain/actor.ts';
import { assertPermission } from '../../domain/auth/permission.ts';
import type { Permission } from '../../domain/auth/roles.ts';
import { AppError, conflict, invalid, notFound } from '../../domain/errors.ts';
import type { HistoryRepository, StoredHistoryEntry } from './history.repository.ts';

/**
 * What a module registers so that its records can be brought back to an earlier version from the history.
 * The kernel finds the version's snapshot; the module writes it as a new version through its own service,
 * so permissions, scopes, validation and history apply as for any edit.
 */
export interface RestorableKind {
  /** Value of `historique.entite`. */
  entite: string;
  /** The permission an edit of these records needs (scopes are the service's). */
  permission: Permission;
  /**
   * Writes `document` (a snapshot without id and version) over the record at version `expected`; answers
   * the version written. Throws 409 when the old version no longer satisfies today's rules.
   */
  restore(actor: Actor, id: string, document: unknown, expected: number): Promise<{ version: number }>;
  /**
   * Writes `document` again as the deleted record `id`, at `version` (the one after its deletion, so the
   * history keeps one meaning per version number). Kinds without it cannot bring a deleted record back.
   */
  recreate?(actor: Actor, id: string, document: unknown, version: number): Promise<{ version: number }>;
}

/**
 * A kind restored through its module's own update: the old snapshot must still pass today's input schema,
 * then the update applies permissions, scopes, validation and history like any edit.
 */
export function restoredThroughUpdate<T>(options: {
  entite: string;
  permission: Permission;
  schema: { safeParse(value: unknown): { success: true; data: T } | { success: false } };
  update(
    actor: Actor,
    id: string,
    input: T,
    expected: number,
    how: { action: 'restauration' },
  ): Promise<{ version: number }>;
  /** Creates the record again with its id, at `version`, through the module's own checks and history. */
  recreate?(actor: Actor, id: string, input: T, version: number): Promise<{ version: number }>;
}): RestorableKind {
  const parse = (document: unknown): T => {
    const parsed = options.schema.safeParse(document);
    if (!parsed.success) {
      throw conflict(
        'Cette version ne respecte plus les règles de saisie actuelles : restauration impossible',
      );
    }
    return parsed.data;
  };
  const recreate = options.recreate;
  return {
    entite: options.entite,
    permission: options.permission,
    async restore(actor, id, document, expected) {
      const written = await options.update(actor, id, parse(document), expected, { action: 'restauration' });
      return { version: written.version };
    },
    ...(recreate
      ? {
          recreate: async (actor: Actor, id: string, document: unknown, version: number) => ({
            version: (await recreate(actor, id, parse(document), version)).version,
          }),
        }
      : {}),
  };
}

/** The version a record had when it was deleted, if its last history entry is its deletion. */
function deletedVersion(entries: StoredHistoryEntry[]): number | null {
  const last = entries[entries.length - 1];
  if (last?.action !== 'suppression') return null;
  const version = (last.avant as { version?: unknown } | null)?.version;
  return typeof version === 'number' ? version : null;
}

/** The record as it stood at `version`: what the change that produced it wrote, or what a later one found. */
export function snapshotAt(entries: StoredHistoryEntry[], version: number): Record<string, unknown> | null {
  const versionOf = (s: unknown) => (s as { version?: unknown } | null)?.version;
  const produced = entries.find((e) => e.action !== 'suppression' && versionOf(e.apres) === version);
  const found = produced?.apres ?? entries.find((e) => versionOf(e.avant) === version)?.avant;
  return found && typeof found === 'object' ? (found as Record<string, unknown>) : null;
}

/** `POST /api/historique/{entite}/{id}/restaurer`: an earlier version written again as a new one. */
export class RestoreService {
  private readonly kinds = new Map<string, RestorableKind>();

  constructor(private readonly history: HistoryRepository) {}

  register(kind: RestorableKind): void {
    this.kinds.set(kind.entite, kind);
  }

  /** The kinds that can be restored (documentation, messages). */
  entities(): string[] {
    return [...this.kinds.keys()].sort();
  }

  async restore(actor: Actor, entite: string, id: string, version: number, expected: number) {
    const kind = this.kinds.get(entite);
    if (!kind) {
      throw invalid(`Les « ${entite} » ne se restaurent pas depuis l’historique`, {
        entite: `sorte attendue : ${this.entities().join(', ')}`,
      });
    }
    assertPermission(actor, kind.permission);
    const entries = await this.history.forEntity(entite, id);
    if (entries.length === 0) throw notFound(`Aucun historique pour « ${id} » (${entite})`);
    const snapshot = snapshotAt(entries, version);
    if (!snapshot) {
      throw notFound(`La version ${version} de « ${id} » (${entite}) n’est pas dans l’historique`);
    }
    const { id: _id, version: _version, ...document } = snapshot;
    const deleted = deletedVersion(entries);
    if (deleted !== null) {
      if (!kind.recreate) throw conflict(`Les « ${entite} » supprimés ne se restaurent pas`);
      // If-Match names the version that was deleted: two people restoring at once do not both succeed.
      if (expected !== deleted) {
        throw new AppError(
          'precondition_failed',
          `« ${id} » a été supprimé en version ${deleted} : envoyez If-Match: "${deleted}" pour le restaurer`,
        );
      }
      try {
        const written = await kind.recreate(actor, id, document, deleted + 1);
        return { entite, id, version: written.version, restauree: version };
      } catch (e) {
        // Someone else brought it back a moment earlier (PostgreSQL's unique_violation on the id).
        if ((e as { code?: unknown } | null)?.code !== '23505') throw e;
        throw new AppError('precondition_failed', `« ${id} » vient d’être restauré : rechargez-le`);
      }
    }
    const written = await kind.restore(actor, id, document, expected);
    return { entite, id, version: written.version, restauree: version };
  }
}
