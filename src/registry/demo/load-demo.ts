import { randomUUID } from 'node:crypto';
import { systemActor } from '../../domain/actor.ts';
import { loadingOrder, resolveSeedLinks } from '../../domain/registry/seed.ts';
import type { ChangeSetRepository } from '../../kernel/changesets/change-set.repository.ts';
import type { SeedLedger } from '../../kernel/seeds/seed-ledger.ts';
import type { DeclaredCountRepository } from '../declared-counts.repository.ts';
import type { RegistryService } from '../registry.service.ts';
import { DEMO_FILES, DemoDataError, readDemoData } from './demo-files.ts';

export const DEMO_LAYER = 'demo_enquete_2018';
export const DEMO_DESCRIPTION = 'Données de démonstration : enquête Fabrique Territoires Santé 2018';
const AUTHOR = 'démarrage';
const author = systemActor(AUTHOR);
/** Arbitrary key of the advisory lock taken while demo data load (several servers may start at once). */
const DEMO_LOCK = 2018_03_01;

/** What the demo load writes through: the registry service and the repositories of its change set. */
export interface DemoLoadDeps {
  ledger: SeedLedger;
  registry: RegistryService;
  lots: ChangeSetRepository;
  declaredCounts: DeclaredCountRepository;
}

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
export async function loadDemo(deps: DemoLoadDeps, options: { dir?: string } = {}): Promise<DemoLoadResult> {
  const data = readDemoData(options.dir);
  const records = loadingOrder(data.dynamics.dynamiques);
  if (!records) throw new DemoDataError(`${DEMO_FILES.dynamiques} : liens circulaires entre dynamiques`);
  return deps.ledger.exclusively(DEMO_LOCK, async (trx, ledger) => {
    const loaded = await ledger.loadedVintage(DEMO_LAYER);
    if (loaded) return { skipped: true, vintage: loaded, lot: null, dynamiques: 0, decomptes: 0 };

    const lot = randomUUID();
    await deps.lots.create(trx, {
      id: lot,
      auteur: AUTHOR,
      description: DEMO_DESCRIPTION,
      nombre: records.length,
    });
    const idOf = new Map(records.map((r) => [r.cle, randomUUID()]));
    for (const record of records) {
      try {
        await deps.registry.create(author, resolveSeedLinks(record, idOf), {
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
    await deps.declaredCounts.insertMany(trx, counts);
    await deps.ledger.record(trx, {
      name: DEMO_LAYER,
      vintage: data.vintage,
      source: `data-seed/${DEMO_FILES.dynamiques}, data-seed/${DEMO_FILES.decomptes}`,
      rowCount: records.length + counts.length,
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
