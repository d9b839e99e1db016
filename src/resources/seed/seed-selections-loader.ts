import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { systemActor } from '../../domain/actor.ts';
import type { SeedLedger } from '../../kernel/seeds/seed-ledger.ts';
import type { SelectionService } from '../selections/selection.service.ts';
import { SEED_NOTICES_DIR } from './seed-notices.ts';
import { type SeedSelection, seedSelection } from './seed-selections.ts';

export const SEED_SELECTIONS_LAYER = 'selections_documents_reference';

/**
 * Creates the sélection of every reference document (data-seed/ressources/*.json), once their notices
 * are stored. `ids` maps `slug/cle` to notice ids (what loadSeedNotices returns). A sélection whose title
 * already exists is left as it is, so edits made since are kept. The seed ledger records the version of
 * the sélections loaded: a later start with the same files does not look at them again.
 */
export async function loadSeedSelections(
  service: SelectionService,
  ids: Map<string, string>,
  ledger: SeedLedger,
  options: { dir?: string; layer?: string } = {},
): Promise<{ crees: number; existantes: number }> {
  const dir = options.dir ?? SEED_NOTICES_DIR;
  const layer = options.layer ?? SEED_SELECTIONS_LAYER;
  const actor = systemActor('démarrage');
  let crees = 0;
  let existantes = 0;
  if (!fs.existsSync(dir)) return { crees, existantes };
  const seeds: { slug: string; selection: SeedSelection }[] = [];
  const hash = createHash('sha256');
  for (const file of fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const seed = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as { selection?: SeedSelection };
    if (!seed.selection) continue;
    const slug = file.replace(/\.json$/, '');
    hash.update(slug).update('\0').update(JSON.stringify(seed.selection)).update('\0');
    seeds.push({ slug, selection: seed.selection });
  }
  const vintage = `sha256-${hash.digest('hex').slice(0, 16)}`;
  if ((await ledger.loadedVintage(layer)) === vintage) return { crees: 0, existantes: seeds.length };
  for (const { slug, selection } of seeds) {
    const local = new Map<string, string>();
    for (const [key, id] of ids) if (key.startsWith(`${slug}/`)) local.set(key.slice(slug.length + 1), id);
    const result = await seedSelection(service, actor, selection, local);
    if (result.created) crees += 1;
    else existantes += 1;
  }
  await ledger.recordNow({
    name: layer,
    vintage,
    source: 'data-seed/ressources/*.json',
    rowCount: seeds.length,
  });
  return { crees, existantes };
}
