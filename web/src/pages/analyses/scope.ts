/**
 * The territory and date every block of /analyses follows, kept in the address
 * (`/analyses?region=84&date=2020-01-01`) so that a view can be shared and reloaded.
 */
export interface AnalysisScope {
  region?: string;
  departement?: string;
  /** An intercommunalité (SIREN) or a commune (INSEE code), sent as `territoire=epci:…|commune:…`. */
  epci?: string;
  commune?: string;
  /** YYYY-MM-DD; absent: today. */
  date?: string;
}

const REGION = /^\d{2}$/;
const DEPARTEMENT = /^(\d{2}|2[AB]|9[78]\d)$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const EPCI = /^\d{9}$/;
const COMMUNE = /^(\d{5}|2[AB]\d{3})$/;

export function readScope(search: string): AnalysisScope {
  const p = new URLSearchParams(search);
  const scope: AnalysisScope = {};
  const departement = p.get('departement');
  const region = p.get('region');
  const epci = p.get('epci');
  const commune = p.get('commune');
  if (commune && COMMUNE.test(commune)) scope.commune = commune;
  else if (epci && EPCI.test(epci)) scope.epci = epci;
  else if (departement && DEPARTEMENT.test(departement)) scope.departement = departement;
  else if (region && REGION.test(region)) scope.region = region;
  const date = p.get('date');
  if (date && DAY.test(date)) scope.date = date;
  return scope;
}

/** Query parameters of the analysis routes for this scope. */
export function scopeParams(scope: AnalysisScope): Record<string, string | undefined> {
  if (scope.commune) return { territoire: `commune:${scope.commune}`, date: scope.date };
  if (scope.epci) return { territoire: `epci:${scope.epci}`, date: scope.date };
  return { region: scope.region, departement: scope.departement, date: scope.date };
}

/** The address parameters of a scope (the page's own, not the API's). */
function addressParams(scope: AnalysisScope): Record<string, string | undefined> {
  return {
    region: scope.region,
    departement: scope.departement,
    epci: scope.epci,
    commune: scope.commune,
    date: scope.date,
  };
}

export function scopeAddress(scope: AnalysisScope): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(addressParams(scope))) if (v) p.set(k, v);
  const q = p.toString();
  return q ? `/analyses?${q}` : '/analyses';
}

/** The level one step below the scope: régions for France, départements for a région, EPCI for a département. */
export function levelBelow(scope: AnalysisScope): 'region' | 'departement' | 'epci' | 'commune' {
  if (scope.epci || scope.commune) return 'commune';
  if (scope.departement) return 'epci';
  if (scope.region) return 'departement';
  return 'region';
}

export const LEVEL_LABELS = {
  region: 'région',
  departement: 'département',
  epci: 'intercommunalité',
  commune: 'commune',
} as const;

/** Whether the scope is narrower than a région or a département (some blocks are not computed there). */
export const isLocalScope = (scope: AnalysisScope) => Boolean(scope.epci || scope.commune);
