import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { DynamicKind } from '../domain/registry/kinds.ts';
import type { DynamicRow } from './registry.repository.ts';

/** Records of the registry that carry a key of a published source (FINESS number, layer identifier). */
export class SourceKeysRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** Every record whose `specifique.<field>` starts with `prefix`, of the given kinds (all when empty). */
  async keyed(
    field: 'finess' | 'identifiantSource',
    prefix: string,
    kinds: readonly DynamicKind[],
  ): Promise<(DynamicRow & { cle: string })[]> {
    let q = this.db
      .selectFrom('dynamique')
      .select([
        'id',
        'type',
        'nom',
        'document',
        'version',
        'verifie_le',
        'verifie_par',
        'cree_le',
        'modifie_le',
        sql<string>`document->'specifique'->>${field}`.as('cle'),
      ])
      .where(sql<boolean>`document->'specifique'->>${field} like ${`${escapeLike(prefix)}%`}`);
    if (kinds.length > 0) q = q.where('type', 'in', [...kinds]);
    return q.orderBy('cree_le').execute();
  }
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
