import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { systemActor } from '../../domain/actor.ts';
import {
  type GlossaryTermInput,
  glossarySeedFile,
  glossaryTermInput,
} from '../../domain/glossary/schemas.ts';
import type { SeedLedger } from '../../kernel/seeds/seed-ledger.ts';
import type { GlossaryService } from './glossary.service.ts';

/** The glossary shipped with the project: reference content, loaded at every first start (demo or not). */
export const GLOSSARY_FILE = fileURLToPath(new URL('../../../data-seed/glossaire.json', import.meta.url));
export const GLOSSARY_LAYER = 'glossaire';

export class GlossaryFileError extends Error {
  override name = 'GlossaryFileError';
}

/** Reads and validates a glossary file; any invalid entry throws, naming it. */
export function readGlossaryFile(file: string): { terms: GlossaryTermInput[]; vintage: string } {
  let text: string;
  let raw: unknown;
  try {
    text = fs.readFileSync(file, 'utf8');
    raw = JSON.parse(text);
  } catch (e) {
    throw new GlossaryFileError(`Glossaire illisible (${file}) : ${(e as Error).message}`);
  }
  const shape = glossarySeedFile.safeParse(raw);
  if (!shape.success) throw new GlossaryFileError(`${file} : objet {"termes": [...]} attendu`);
  const terms = shape.data.termes.map((t, i) => {
    const parsed = glossaryTermInput.safeParse(t);
    if (parsed.success) return parsed.data;
    const name = (t as { sigle?: string; forme?: string } | null)?.sigle ?? (t as { forme?: string })?.forme;
    const issues = parsed.error.issues.map((x) => `${x.path.join('.') || 'entrée'} : ${x.message}`);
    throw new GlossaryFileError(`${file}, entrée ${i + 1} (${name ?? '?'}) : ${issues.join(' ; ')}`);
  });
  const vintage = `sha256-${createHash('sha256').update(text).digest('hex').slice(0, 16)}`;
  return { terms, vintage };
}

/**
 * Loads the shipped glossary: skipped when this version of the file is already loaded; otherwise adds
 * the entries whose key is missing and never touches an entry that exists (it may have been edited).
 */
export async function loadGlossarySeed(
  ledger: SeedLedger,
  glossary: GlossaryService,
  file: string = GLOSSARY_FILE,
): Promise<{ skipped: boolean; crees: number }> {
  const { terms, vintage } = readGlossaryFile(file);
  if ((await ledger.loadedVintage(GLOSSARY_LAYER)) === vintage) return { skipped: true, crees: 0 };
  const result = await glossary.importMany(systemActor('démarrage'), terms, { replace: false });
  await ledger.recordNow({
    name: GLOSSARY_LAYER,
    vintage,
    source: 'data-seed/glossaire.json',
    rowCount: terms.length,
  });
  return { skipped: false, crees: result.crees };
}
