import { type AppContext, openContext } from '../../src/context.ts';
import { migrate } from '../../src/db/migrate.ts';
import { systemActor } from '../../src/domain/actor.ts';
import type { EngineConfig } from '../lib/engine.ts';
import { timed } from '../lib/stats.ts';

export interface StartupTimes {
  open: number;
  migrate: number;
  reference: number;
  mergedCommunes: number;
  missingLayers: number;
  warm: number;
  total: number;
  skipped: boolean;
  communes: number;
}

/**
 * The start-up sequence of `preparePlatform` (src/platform.ts), step by step with timings: open,
 * migrate, COG reference (loaded on a fresh database, skipped afterwards), merged communes, missing
 * layers, search index. Returns the open context.
 */
export async function timedStart(config: EngineConfig): Promise<{ ctx: AppContext; times: StartupTimes }> {
  const actor = systemActor('banc d’essai');
  const open = await timed(() => openContext(config));
  const ctx = open.value;
  const migration = await timed(() => migrate(ctx.database.db));
  const reference = await timed(() => ctx.services.reference.importCog(actor));
  const merged = await timed(async () => {
    if (!reference.value.skipped) await ctx.services.registry.migrateMergedCommunes(actor);
  });
  const missing = await timed(() => ctx.services.reference.missingLayers());
  const warm = await timed(() => ctx.services.territories.warm());
  const times = {
    open: open.ms,
    migrate: migration.ms,
    reference: reference.ms,
    mergedCommunes: merged.ms,
    missingLayers: missing.ms,
    warm: warm.ms,
    total: 0,
    skipped: reference.value.skipped,
    communes: reference.value.counts.communes,
  };
  times.total = open.ms + migration.ms + reference.ms + merged.ms + missing.ms + warm.ms;
  return { ctx, times };
}
