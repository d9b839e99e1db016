/** Shapes of the JSON files shipped by @etalab/decoupage-administratif (only the fields we read). */

export interface RawRegion {
  code: string;
  nom: string;
  chefLieu?: string;
  zone?: string;
}

export interface RawDepartement {
  code: string;
  nom: string;
  region: string;
  chefLieu?: string;
  zone?: string;
}

export interface RawEpci {
  code: string;
  nom: string;
  type: string;
  populationMunicipale?: number;
  membres: { code: string }[];
}

export interface RawCommune {
  code: string;
  nom: string;
  type: 'commune-actuelle' | 'commune-deleguee' | 'commune-associee' | 'arrondissement-municipal';
  departement?: string;
  region?: string;
  population?: number;
  chefLieu?: string;
  commune?: string;
  anciensCodes?: string[];
  codesPostaux?: string[];
}
