import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { ProgressReporter } from '../../kernel/progress.ts';
import type { ReferenceRepository } from '../reference.repository.ts';
import { mapCommunes, sumPopulation } from './map-communes.ts';
import { mapDepartements } from './map-departements.ts';
import { epciByCommune, mapEpci } from './map-epci.ts';
import { mapRegions } from './map-regions.ts';
import type { RawCommune, RawDepartement, RawEpci, RawRegion } from './raw-types.ts';

const PACKAGE = '@etalab/decoupage-administratif';
const require = createRequire(import.meta.url);

export const COG_LAYER = 'cog';

function packageDir(): string {
  return path.dirname(require.resolve(`${PACKAGE}/package.json`));
}

/** The vintage of the reference is the version of the package that ships it. */
export function cogPackageVintage(): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(packageDir(), 'package.json'), 'utf8')) as {
    version: string;
  };
  return `${PACKAGE}@${pkg.version}`;
}

function readData<T>(file: string): T {
  return JSON.parse(fs.readFileSync(path.join(packageDir(), 'data', file), 'utf8')) as T;
}

export interface CogImportResult {
  skipped: boolean;
  vintage: string;
  counts: { regions: number; departements: number; epci: number; communes: number };
}

/**
 * Loads régions, départements, EPCI and communes from the package in one transaction.
 * Skips when the same vintage is already loaded, unless `force`.
 */
export async function importCog(
  repo: ReferenceRepository,
  options: { force?: boolean; progress?: ProgressReporter } = {},
): Promise<CogImportResult> {
  const vintage = cogPackageVintage();
  const zero = { regions: 0, departements: 0, epci: 0, communes: 0 };
  if (!options.force && (await repo.layerVintage(COG_LAYER)) === vintage) {
    return { skipped: true, vintage, counts: zero };
  }
  const rawEpci = readData<RawEpci[]>('epci.json');
  const communes = mapCommunes(readData<RawCommune[]>('communes.json'), epciByCommune(rawEpci));
  const epci = mapEpci(rawEpci);
  const departements = mapDepartements(
    readData<RawDepartement[]>('departements.json'),
    sumPopulation(communes, 'departement'),
  );
  const regions = mapRegions(readData<RawRegion[]>('regions.json'), sumPopulation(communes, 'region'));

  await repo.transaction(async (trx) => {
    await repo.replaceRows(trx, 'region', regions, options.progress);
    await repo.replaceRows(trx, 'departement', departements, options.progress);
    await repo.replaceRows(trx, 'epci', epci, options.progress);
    await repo.replaceRows(trx, 'commune', communes, options.progress);
    await repo.recordLayer(trx, {
      layer: COG_LAYER,
      vintage,
      source: PACKAGE,
      row_count: communes.length,
    });
  });
  await repo.analyze(['region', 'departement', 'epci', 'commune']);
  return {
    skipped: false,
    vintage,
    counts: {
      regions: regions.length,
      departements: departements.length,
      epci: epci.length,
      communes: communes.filter((c) => c.nature === 'commune_actuelle').length,
    },
  };
}
