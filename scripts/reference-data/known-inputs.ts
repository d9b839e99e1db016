/**
 * What the build knows of the open-data files it is usually given (by file name): who produced them,
 * which vintage, under which licence. An input it does not know is described from its address only.
 */
export interface InputInfo {
  titre: string;
  producteur: string;
  millesime: string;
  licence: string;
}

const OUVERTE = 'Licence Ouverte 2.0 (Etalab)';

export const KNOWN_INPUTS: Record<string, InputInfo> = {
  'france-2026-s4.topo.json': {
    titre: 'Contours des régions, départements, EPCI et communes (TopoJSON, 4 niveaux)',
    producteur:
      'IGN (Admin Express, via github.com/gregoiredavid/france-geojson) ; codes et EPCI : INSEE, COG ' +
      '(@etalab/decoupage-administratif 6.0.0)',
    millesime: 'géométrie 2018, codes COG 2026',
    licence: OUVERTE,
  },
  'qpv-2024-liste.json': {
    titre: 'Liste des 1 493 quartiers prioritaires de la politique de la ville (génération 2024)',
    producteur: 'ANCT (liste publiée avec github.com/anct-carto/superposeur-V2)',
    millesime: '2024',
    licence: OUVERTE,
  },
  'qp.csv': {
    titre: 'Indicateurs des 105 quartiers prioritaires d’Occitanie (génération 2015), dont pop_mun',
    producteur: 'INSEE, ANCT (via github.com/ToulouseDataViz/Hackaviz2021)',
    millesime: 'génération 2015',
    licence: OUVERTE,
  },
  'contrats-ville-2024.json': {
    titre: 'Contrats de ville 2024 (448 territoires de contrat)',
    producteur: 'ANCT (github.com/anct-carto/ci-ville2)',
    millesime: '2024',
    licence: OUVERTE,
  },
};

/** Labels of the vintages recorded by the importers for the shipped files. */
export const LAYER_LABELS = {
  contours: 'Contours livrés (géométrie IGN 2018, codes COG 2026)',
  qpv: 'QPV 2024 (liste ANCT livrée)',
  contrats_ville: 'Contrats de ville 2024 (ANCT, livrés)',
} as const;
