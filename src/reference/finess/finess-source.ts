import { invalid } from '../../domain/errors.ts';
import type { DefaultSource } from '../default-sources.ts';
import { type LoadedSource, readSource } from '../source/read-source.ts';

/**
 * The dataset on data.gouv.fr: its API lists the current files, whose addresses change with each
 * publication; the geolocated extraction of establishments is taken from that list.
 */
export const FINESS_DEFAULT: DefaultSource = {
  urls: ['https://www.data.gouv.fr/api/1/datasets/finess-extraction-du-fichier-des-etablissements/'],
  page: 'https://www.data.gouv.fr/datasets/finess-extraction-du-fichier-des-etablissements (fichier « géolocalisés »)',
  producer: 'ministère chargé de la santé, FINESS, Licence Ouverte',
  command: 'reference import finess',
};

interface DatasetResource {
  title?: string;
  url?: string;
  format?: string;
  type?: string;
}

/** The extraction to read from a dataset description: the geolocated file, else the first CSV. */
export function pickExtraction(resources: DatasetResource[]): string | null {
  const csv = resources.filter(
    (r) => r.url && (r.format ?? '').toLowerCase() === 'csv' && r.type !== 'documentation',
  );
  const geolocated = csv.find((r) => /g[ée]olocalis/i.test(r.title ?? ''));
  return (geolocated ?? csv[0])?.url ?? null;
}

/** A path or URL; a data.gouv.fr dataset description is followed to its extraction file. */
export async function loadExtraction(
  source: string,
  progress?: Parameters<typeof readSource>[2],
): Promise<LoadedSource> {
  const loaded = await readSource(source, FINESS_DEFAULT, progress);
  if (loaded.bytes[0] !== 0x7b) return loaded; // not a JSON object: the extraction itself
  let resources: DatasetResource[] = [];
  try {
    resources =
      (JSON.parse(loaded.bytes.toString('utf8')) as { resources?: DatasetResource[] }).resources ?? [];
  } catch {
    throw invalid(`${source} n’est ni une extraction FINESS ni la description d’un jeu de données`);
  }
  const url = pickExtraction(resources);
  if (!url) throw invalid(`Aucun fichier CSV dans le jeu de données ${source} : indiquez le fichier`);
  return readSource(url, FINESS_DEFAULT, progress);
}
