import type { AppContext } from '../../src/context.ts';
import { systemActor } from '../../src/domain/actor.ts';
import { dynamicInput } from '../../src/domain/registry/schemas.ts';
import type { BenchDynamic } from '../generate/dynamics.ts';

const CHUNK = 500;

/**
 * Writes the generated dynamics through the registry service, as an import would: validated, with
 * history rows, in file order so link targets exist first. One transaction per chunk keeps memory flat.
 */
export async function loadIntoRegistry(
  ctx: AppContext,
  dynamics: BenchDynamic[],
  log: (message: string) => void,
): Promise<void> {
  const actor = systemActor('banc d’essai');
  for (let start = 0; start < dynamics.length; start += CHUNK) {
    const chunk = dynamics.slice(start, start + CHUNK);
    await ctx.database.db.transaction().execute(async (trx) => {
      for (const d of chunk) {
        await ctx.services.registry.create(actor, dynamicInput.parse(d), { trx, id: d.id });
      }
    });
    log(`  ${Math.min(start + CHUNK, dynamics.length)} / ${dynamics.length} dynamiques`);
  }
}
