import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../context.ts';
import { systemActor } from '../../domain/actor.ts';
import { loadingOrder, resolveSeedLinks } from '../../domain/registry/seed.ts';
import { ChangeSetRepository } from '../../kernel/changesets/change-set.repository.ts';
import { ReferenceRepository } from '../../reference/reference.repository.ts';
import { DeclaredCountRepository } from '../declared-counts.repository.ts';
import { DemoRepository } from './demo.repository.ts';
import { DEMO_FILES, DemoDataError, readDemoData } from './demo-files.ts';

export const DEMO_LAYER = 'demo_enquete_2018';
export const DEMO_DESCRIPTION = 'Données de démonstration : enquête Fabrique Territoires Santé 2018';
const AUTHOR = 'démarrage';
const author = systemActor(AUTHOR);

export interface DemoLoadResult {
  skipped: boolean;
  vintage: string;
  /** Change set of this load; null when skipped. */
  lot: string | null;
  dynamiques: number;
  decomptes: number;
}

/**
 * Loads the dynamics and declared counts of data-seed/ once: one transaction, one change set, every
 * record written through the registry service (so validated and recorded in the history). Skipped when
 * the layer is already recorded, even with another vintage: records may have been edited since.
 */
export async function loadDemo(ctx: AppContext, options: { dir?: string } = {}): Promise<DemoLoadResult> {
  const data = readDemoData(options.dir);
  const records = loadingOrder(data.dynamics.dynamiques);
  if (!records) throw new DemoDataError(`${DEMO_FILES.dynamiques} : liens circulaires entre dynamiques`);
  const db = ctx.database.db;
  const demo = new DemoRepository(db);
  return demo.transaction(async (trx) => {
    await demo.lock(trx);
    const loaded = await demo.loadedVintage(trx, DEMO_LAYER);
    if (loaded) return { skipped: true, vintage: loaded, lot: null, dynamiques: 0, decomptes: 0 };

    const lot = randomUUID();
    await new ChangeSetRepository(db).create(trx, {
      id: lot,
      auteur: AUTHOR,
      description: DEMO_DESCRIPTION,
      nombre: records.length,
    });
    const idOf = new Map(records.map((r) => [r.cle, randomUUID()]));
    for (const record of records) {
      try {
        await ctx.services.registry.create(author, resolveSeedLinks(record, idOf), {
          trx,
          lot,
          id: idOf.get(record.cle) as string,
        });
      } catch (e) {
        throw new DemoDataError(
          `${DEMO_FILES.dynamiques} : « ${record.cle} » refusée — ${(e as Error).message}`,
        );
      }
    }
    const counts = data.counts.decomptes;
    await new DeclaredCountRepository(db).insertMany(trx, counts);
    await new ReferenceRepository(db).recordLayer(trx, {
      layer: DEMO_LAYER,
      vintage: data.vintage,
      source: `data-seed/${DEMO_FILES.dynamiques}, data-seed/${DEMO_FILES.decomptes}`,
      row_count: records.length + counts.length,
    });
    return {
      skipped: false,
      vintage: data.vintage,
      lot,
      dynamiques: records.length,
      decomptes: counts.length,
    };
  });
}
