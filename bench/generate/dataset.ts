import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cogPackageVintage } from '../../src/reference/cog/import-cog.ts';
import { loadCogReference } from './cog.ts';
import { type BenchDynamic, generateDynamics } from './dynamics.ts';
import { dynamicsToCsv } from './dynamics-csv.ts';
import { type BenchNotice, generateNotices } from './notices.ts';
import { Rng } from './prng.ts';
import { noticesToRis } from './ris.ts';

/** Bump when the generators change their output: existing datasets are then regenerated. */
export const GENERATOR_VERSION = 2;
export const SEED = 'odts-bench';
export const BENCH_DATA_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '.data');

export const DATASET_FILES = {
  dynamicsJson: 'dynamiques.json',
  dynamicsCsv: 'dynamiques.csv',
  noticesJson: 'notices.json',
  noticesRis: 'notices.ris',
} as const;
type FileKey = keyof typeof DATASET_FILES;

export interface DatasetSizes {
  dynamics: number;
  notices: number;
  ris: number;
}
export const NATIONAL: DatasetSizes = { dynamics: 10_000, notices: 50_000, ris: 10_000 };

export interface DatasetManifest {
  version: number;
  seed: string;
  reference: string;
  sizes: DatasetSizes;
  files: Record<FileKey, { name: string; bytes: number; sha256: string }>;
}

export interface BenchDatasetFiles {
  dir: string;
  paths: Record<FileKey, string>;
  manifest: DatasetManifest;
  /** False when the files were already there and up to date. */
  generated: boolean;
}

const manifestPath = (dir: string) => path.join(dir, 'manifest.json');

function readManifest(dir: string): DatasetManifest | null {
  try {
    return JSON.parse(fs.readFileSync(manifestPath(dir), 'utf8')) as DatasetManifest;
  } catch {
    return null;
  }
}

function upToDate(dir: string, m: DatasetManifest | null, sizes: DatasetSizes): m is DatasetManifest {
  if (!m || m.version !== GENERATOR_VERSION || m.seed !== SEED || m.reference !== cogPackageVintage())
    return false;
  if (JSON.stringify(m.sizes) !== JSON.stringify(sizes)) return false;
  return Object.values(m.files).every(
    (f) => fs.statSync(path.join(dir, f.name), { throwIfNoEntry: false })?.size === f.bytes,
  );
}

/** Generates the dataset in memory: same seed, same reference, same output. */
export function generateBenchData(sizes: DatasetSizes = NATIONAL) {
  const rng = new Rng(SEED);
  const cog = loadCogReference();
  const dynamics = generateDynamics(rng.fork('dynamiques'), cog, sizes.dynamics);
  const notices = generateNotices(rng.fork('notices'), sizes.notices);
  return { dynamics, notices };
}

/**
 * The dataset files, generated when missing, stale (other generator version or reference) or when
 * `force` is set.
 */
export function ensureBenchDataset(
  options: { dir?: string; sizes?: DatasetSizes; force?: boolean } = {},
): BenchDatasetFiles {
  const dir = options.dir ?? BENCH_DATA_DIR;
  const sizes = options.sizes ?? NATIONAL;
  const paths = Object.fromEntries(
    Object.entries(DATASET_FILES).map(([k, name]) => [k, path.join(dir, name)]),
  ) as Record<FileKey, string>;
  const existing = readManifest(dir);
  if (!options.force && upToDate(dir, existing, sizes))
    return { dir, paths, manifest: existing, generated: false };

  const { dynamics, notices } = generateBenchData(sizes);
  const contents: Record<FileKey, string> = {
    dynamicsJson: JSON.stringify(dynamics, null, 1),
    dynamicsCsv: dynamicsToCsv(dynamics),
    noticesJson: JSON.stringify(notices, null, 1),
    noticesRis: noticesToRis(notices.slice(0, sizes.ris)),
  };
  fs.mkdirSync(dir, { recursive: true });
  const files = {} as DatasetManifest['files'];
  for (const key of Object.keys(contents) as FileKey[]) {
    const bytes = Buffer.from(contents[key], 'utf8');
    fs.writeFileSync(`${paths[key]}.tmp`, bytes);
    fs.renameSync(`${paths[key]}.tmp`, paths[key]);
    files[key] = {
      name: DATASET_FILES[key],
      bytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    };
  }
  const manifest: DatasetManifest = {
    version: GENERATOR_VERSION,
    seed: SEED,
    reference: cogPackageVintage(),
    sizes,
    files,
  };
  fs.writeFileSync(manifestPath(dir), `${JSON.stringify(manifest, null, 2)}\n`);
  return { dir, paths, manifest, generated: true };
}

export interface BenchDataset extends BenchDatasetFiles {
  dynamics: BenchDynamic[];
  notices: BenchNotice[];
}

/** For benchmarks: the national dataset, generated on first use, parsed. */
export function loadBenchDataset(options: { dir?: string; sizes?: DatasetSizes } = {}): BenchDataset {
  const files = ensureBenchDataset(options);
  return {
    ...files,
    dynamics: JSON.parse(fs.readFileSync(files.paths.dynamicsJson, 'utf8')) as BenchDynamic[],
    notices: JSON.parse(fs.readFileSync(files.paths.noticesJson, 'utf8')) as BenchNotice[],
  };
}
