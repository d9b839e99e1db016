export const TERRITORY_TYPES = ['region', 'departement', 'epci', 'commune', 'qpv'] as const;
export type TerritoryType = (typeof TERRITORY_TYPES)[number];

export const TERRITORY_TYPE_LABELS: Record<TerritoryType, string> = {
  region: 'région',
  departement: 'département',
  epci: 'EPCI',
  commune: 'commune',
  qpv: 'quartier prioritaire',
};

/** Kind of commune-level entry: the COG keeps former communes and arrondissements beside current ones. */
export type CommuneNature =
  | 'commune_actuelle'
  | 'commune_deleguee'
  | 'commune_associee'
  | 'arrondissement_municipal';

/** A territory as the search index knows it. */
export interface TerritoryEntry {
  type: TerritoryType;
  code: string;
  nom: string;
  population: number | null;
  departement?: string | undefined;
  region?: string | undefined;
  nature?: CommuneNature | undefined;
  codesPostaux?: string[] | undefined;
  /** Communes: their EPCI, and the city or chef-lieu of an arrondissement or a former commune. */
  epci?: string | undefined;
  communeParent?: string | undefined;
}

export interface TerritoryRef {
  type: TerritoryType;
  code: string;
  nom: string;
  nature?: CommuneNature | undefined;
}

/** Code formats per type, used to tell a malformed code (400) from an unknown one (404). */
export const CODE_PATTERNS: Record<TerritoryType, RegExp> = {
  region: /^\d{2}$/,
  departement: /^(\d{2}|2[AB]|9[78]\d)$/,
  epci: /^\d{9}$/,
  commune: /^(\d{5}|2[AB]\d{3})$/,
  // QN00101M (2024 generation), QP009001 (2015), Corsica QN02A01M: "Q", a letter, the département on
  // three characters, then a serial number.
  qpv: /^Q[A-Z](\d{3}|0?2[AB])[0-9A-Z]{2,4}$/,
};
