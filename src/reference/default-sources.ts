import type { SourceHelp } from './source/read-source.ts';

/**
 * Official open-data publications each optional layer is downloaded from when no file is given.
 * `page` is where a person finds the same file by hand on a machine with internet access.
 */
export interface DefaultSource extends SourceHelp {
  urls: string[];
  producer: string;
}

export const QPV_DEFAULT: DefaultSource = {
  // ZIP of the 2024 perimeters (hexagone and outre-mer, WGS84) published by the ANCT (SIG Ville).
  urls: ['https://www.data.gouv.fr/api/1/datasets/r/942d4ee8-8142-4556-8ea1-335537ce1119'],
  page: 'https://www.data.gouv.fr/datasets/quartiers-prioritaires-de-la-politique-de-la-ville-qpv',
  producer: 'ANCT (SIG Ville), Licence Ouverte',
  command: 'reference import qpv',
};

export const CONTRATS_VILLE_DEFAULT: DefaultSource = {
  // Contrats de ville 2024 as published by the ANCT's cartography service (Ci.Ville).
  urls: ['https://raw.githubusercontent.com/anct-carto/ci-ville2/main/src/assets/geom_cv_ctr.json'],
  page: 'https://github.com/anct-carto/ci-ville2 (fichier src/assets/geom_cv_ctr.json)',
  producer: 'ANCT, Licence Ouverte 2.0',
  command: 'reference import contrats-ville',
};

const ETALAB_CONTOURS = 'https://etalab-datasets.geo.data.gouv.fr/contours-administratifs/latest/geojson';

export const CONTOURS_DEFAULT: DefaultSource = {
  // Etalab's contours derived from IGN Admin Express, generalised to 100 m: one file per level.
  urls: ['regions', 'departements', 'epci', 'communes'].map((l) => `${ETALAB_CONTOURS}/${l}-100m.geojson.gz`),
  page: 'https://www.data.gouv.fr/datasets/contours-administratifs',
  producer: 'Etalab d’après IGN Admin Express, Licence Ouverte',
  command: 'reference import contours',
};
