import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  describeSeedIssues,
  type SeedCountsFile,
  type SeedDynamicsFile,
  seedCountsFile,
  seedDynamicsFile,
} from '../../domain/registry/seed.ts';
import type { z } from '../../domain/zod-fr.ts';

/** Data files shipped with the project, at the repository root. */
export const DEMO_DIR = fileURLToPath(new URL('../../../data-seed/', import.meta.url));
export const DEMO_FILES = {
  dynamiques: 'dynamiques-enquete-2018.json',
  decomptes: 'decomptes-declares-2018.json',
} as const;

export interface DemoData {
  dynamics: SeedDynamicsFile;
  counts: SeedCountsFile;
  /** Hash of both files: the vintage recorded once they are loaded. */
  vintage: string;
}

export class DemoDataError extends Error {
  override name = 'DemoDataError';
}

/** Reads and validates both files; any problem throws before anything is written. */
export function readDemoData(dir: string = DEMO_DIR): DemoData {
  const dynamicsText = readText(dir, DEMO_FILES.dynamiques);
  const countsText = readText(dir, DEMO_FILES.decomptes);
  const hash = createHash('sha256').update(dynamicsText).update('\0').update(countsText).digest('hex');
  return {
    dynamics: parse(seedDynamicsFile, DEMO_FILES.dynamiques, dynamicsText),
    counts: parse(seedCountsFile, DEMO_FILES.decomptes, countsText),
    vintage: `sha256-${hash.slice(0, 16)}`,
  };
}

function readText(dir: string, name: string): string {
  const file = path.join(dir, name);
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new DemoDataError(`Fichier de données introuvable : ${file} (${(e as Error).message})`);
  }
}

function parse<T>(schema: z.ZodType<T>, name: string, text: string): T {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new DemoDataError(`Fichier de données illisible ${name} : ${(e as Error).message}`);
  }
  const result = schema.safeParse(raw);
  if (!result.success) throw new DemoDataError(describeSeedIssues(name, raw, result.error.issues));
  return result.data;
}
