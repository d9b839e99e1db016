import fs from 'node:fs';
import path from 'node:path';
import { systemActor } from '../../domain/actor.ts';
import type { SelectionService } from '../selections/selection.service.ts';
import { SEED_NOTICES_DIR } from './seed-notices.ts';
import { type SeedSelection, seedSelection } from './seed-selections.ts';

/**
 * Creates the sélection of every reference document (data-seed/ressources/*.json), once their notices
 * are stored. `ids` maps `slug/cle` to notice ids (what loadSeedNotices returns). A sélection whose title
 * already exists is left as it is, so edits made since are kept.
 */
export async function loadSeedSelections(
  service: SelectionService,
  ids: Map<string, string>,
  dir: string = SEED_NOTICES_DIR,
): Promise<{ crees: number; existantes: number }> {
  const actor = systemActor('démarrage');
  let crees = 0;
  let existantes = 0;
  if (!fs.existsSync(dir)) return { crees, existantes };
  for (const file of fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const slug = file.replace(/\.json$/, '');
    const seed = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as { selection?: SeedSelection };
    if (!seed.selection) continue;
    const local = new Map<string, string>();
    for (const [key, id] of ids) if (key.startsWith(`${slug}/`)) local.set(key.slice(slug.length + 1), id);
    const result = await seedSelection(service, actor, seed.selection, local);
    if (result.created) crees += 1;
    else existantes += 1;
  }
  return { crees, existantes };
}
