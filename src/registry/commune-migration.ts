import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { type Actor, actorLabel } from '../domain/actor.ts';
import type { DynamicInput } from '../domain/registry/schemas.ts';
import type { HistoryRepository } from '../kernel/history/history.repository.ts';
import type { DynamicWriter } from './dynamic-writer.ts';
import { dynamicsWithStaleCommunes, formerCommuneCodes, type Perimeters } from './perimeter.repository.ts';
import { historySnapshot, recordedDay } from './registry.presenter.ts';
import type { RegistryRepository } from './registry.repository.ts';

export interface CommuneMigrationResult {
  migrated: number;
  unresolved: { dynamique: string; communes: string[] }[];
}

/**
 * After a new COG vintage, perimeters that name merged communes are rewritten with the commune that
 * absorbed them; each rewrite is one version of the record with a 'migration_commune' history entry.
 */
export async function migrateMergedCommunes(
  actor: Actor,
  deps: {
    db: Kysely<DB>;
    repo: RegistryRepository;
    writer: DynamicWriter;
    history: HistoryRepository;
    perimeters: Perimeters;
  },
): Promise<CommuneMigrationResult> {
  const stale = await dynamicsWithStaleCommunes(deps.db);
  if (stale.length === 0) return { migrated: 0, unresolved: [] };
  const successor = await formerCommuneCodes(deps.db);
  const result: CommuneMigrationResult = { migrated: 0, unresolved: [] };
  for (const id of stale) {
    const row = await deps.repo.findById(id);
    if (!row) continue;
    const before = row.document as DynamicInput;
    const communes = [...new Set(before.perimetre.communes.map((c) => successor.get(c) ?? c))];
    const known = await deps.perimeters.knownCommunes(communes);
    const unresolved = communes.filter((c) => !known.has(c));
    if (unresolved.length > 0) result.unresolved.push({ dynamique: id, communes: unresolved });
    const after: DynamicInput = { ...before, perimetre: { ...before.perimetre, communes } };
    const write = await deps.writer.build(id, after, recordedDay(row));
    const done = await deps.repo.transaction(async (trx) => {
      if (!(await deps.repo.update(trx, write, row.version))) return false;
      await deps.history.record(trx, {
        entite: 'dynamique',
        entiteId: id,
        action: 'migration_commune',
        source: 'systeme',
        auteur: actorLabel(actor),
        lot: null,
        avant: historySnapshot(id, row.version, before),
        apres: historySnapshot(id, row.version + 1, after),
      });
      return true;
    });
    if (done) result.migrated += 1;
  }
  return result;
}
