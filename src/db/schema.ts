import type { Generated } from 'kysely';
import type { ActionTables } from './schema/actions.ts';
import type { AuthTables } from './schema/auth.ts';
import type { CampaignTables } from './schema/campaigns.ts';
import type { CycleTables } from './schema/cycle.ts';
import type { ReferenceTables } from './schema/reference.ts';
import type { RegistryTables } from './schema/registry.ts';
import type { ResourceTables } from './schema/resources.ts';

/**
 * Table types for the typed query builder; they mirror src/db/migrations/*.sql. Each module's tables are
 * declared in src/db/schema/ and re-exported here, so that importers name only this file.
 */

export type * from './schema/actions.ts';
export type * from './schema/auth.ts';
export type * from './schema/campaigns.ts';
export type * from './schema/cycle.ts';
export type * from './schema/reference.ts';
export type * from './schema/registry.ts';
export type * from './schema/resources.ts';

export interface SchemaMigrationTable {
  version: number;
  name: string;
  applied_at: Generated<Date>;
}

export interface DB
  extends ReferenceTables,
    RegistryTables,
    ResourceTables,
    AuthTables,
    ActionTables,
    CycleTables,
    CampaignTables {
  schema_migration: SchemaMigrationTable;
}
