import type { ContourLevel } from '../../db/schema.ts';

export { CONTOUR_LEVELS } from '../../domain/territories/contour-schemas.ts';

export const CONTOUR_LEVEL_LABELS: Record<ContourLevel, string> = {
  region: 'régions',
  departement: 'départements',
  epci: 'EPCI',
  commune: 'communes',
};

/** Property holding the code, by level, in the order tried (IGN Admin Express, Etalab, our TopoJSON). */
export const CODE_KEYS: Record<ContourLevel, readonly string[]> = {
  commune: ['code', 'insee_com', 'INSEE_COM', 'codgeo', 'CODGEO', 'code_insee'],
  epci: ['epci', 'siren_epci', 'SIREN_EPCI', 'code_siren', 'CODE_SIREN', 'siren', 'code'],
  departement: ['dep', 'insee_dep', 'INSEE_DEP', 'code_dep', 'code_insee', 'code'],
  region: ['reg', 'insee_reg', 'INSEE_REG', 'code_reg', 'code_insee', 'code'],
};

const NAMES: Record<string, ContourLevel> = {
  commune: 'commune',
  communes: 'commune',
  com: 'commune',
  epci: 'epci',
  epcis: 'epci',
  departement: 'departement',
  departements: 'departement',
  dep: 'departement',
  deps: 'departement',
  region: 'region',
  regions: 'region',
  reg: 'region',
  regs: 'region',
};

/** Level named by a TopoJSON object or a file name ("communes", "epci-100m.geojson"…). */
export function levelFromName(name: string): ContourLevel | null {
  const folded = name
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '');
  if (NAMES[folded]) return NAMES[folded] as ContourLevel;
  const word = folded.match(/^[a-z]+/)?.[0] ?? '';
  return NAMES[word] ?? null;
}

/** Level of a GeoJSON file from its first feature's properties, when its name does not tell. */
export function levelFromProperties(properties: Record<string, unknown>): ContourLevel | null {
  const has = (keys: string[]) => keys.some((k) => properties[k] !== undefined && properties[k] !== null);
  if (has(['insee_com', 'INSEE_COM', 'codgeo', 'CODGEO'])) return 'commune';
  if (has(['siren_epci', 'SIREN_EPCI', 'code_siren', 'CODE_SIREN'])) return 'epci';
  const code = String(properties.code ?? '');
  if (/^(\d{5}|2[AB]\d{3})$/.test(code)) return 'commune';
  if (/^\d{9}$/.test(code)) return 'epci';
  if (has(['insee_dep', 'INSEE_DEP'])) return has(['insee_com', 'INSEE_COM']) ? 'commune' : 'departement';
  if (/^(\d{2}|2[AB]|9[78]\d)$/.test(code) && has(['region', 'reg', 'insee_reg', 'INSEE_REG'])) {
    return 'departement';
  }
  if (has(['insee_reg', 'INSEE_REG']) || /^\d{2}$/.test(code)) return 'region';
  return null;
}
