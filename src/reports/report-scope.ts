import type { Snapshot } from '../analytics/analytics.service.ts';
import type { CommuneInfo } from '../domain/analytics/model.ts';
import { invalid, notFound } from '../domain/errors.ts';
import type { EtatDesLieuxInput, TerritoryTotals } from '../domain/reports/inputs.ts';
import type { ReportTerritory } from '../domain/reports/schemas.ts';

type Perimetre = EtatDesLieuxInput['perimetre'];

export interface ReportScope {
  perimetre: Perimetre;
  communes: CommuneInfo[];
  /** Rows of the tables: the départements, or for an EPCI or a commune its part in each département. */
  departements: TerritoryTotals[];
}

const NOT_FOUND: Record<ReportTerritory['type'], (code: string) => string> = {
  region: (code) => `Aucune région avec le code « ${code} »`,
  departement: (code) => `Aucun département avec le code « ${code} »`,
  epci: (code) => `Aucun EPCI avec le code « ${code} »`,
  commune: (code) => `Aucune commune avec le code « ${code} »`,
};

/**
 * The territory of the report, its communes and the rows of its tables. Unknown territory → 404; a
 * département outside the région asked → 400 naming the field.
 */
export function resolveReportScope(
  s: Snapshot,
  territory: ReportTerritory,
  regionAsked?: string | undefined,
): ReportScope {
  const { type, code } = territory;
  const communes = communesOf(s, territory);
  if (communes.length === 0) throw notFound(NOT_FOUND[type](code));
  const nom = type === 'commune' ? (communes[0]?.nom ?? code) : s.nameOf(type, code);
  const regionCode = type === 'region' ? undefined : communes[0]?.region;
  if (type === 'departement' && regionAsked && regionCode !== regionAsked) {
    const message = `le département ${code} n’appartient pas à la région ${regionAsked}`;
    throw invalid(`Requête invalide — ${message}`, { departement: message });
  }
  const groups = groupDepartements(s, communes);
  const local = type === 'epci' || type === 'commune';
  const perimetre: Perimetre = {
    type,
    code,
    nom,
    population: sum(communes),
    communes: communes.length,
    region: regionCode ? { code: regionCode, nom: s.nameOf('region', regionCode) } : undefined,
    ...(local ? { departements: groups.map((g) => ({ code: g.code, nom: g.nom })) } : {}),
  };
  // A local territory's tables have one row per département it lies in, named after the territory.
  const departements = local
    ? groups.map((g) => ({ ...g, nom: groups.length > 1 ? `${nom}, partie ${g.nom}` : nom }))
    : groups;
  return { perimetre, communes, departements };
}

function communesOf(s: Snapshot, t: ReportTerritory): CommuneInfo[] {
  if (t.type === 'commune') {
    const c = s.communes.get(t.code);
    return c ? [c] : [];
  }
  if (!s.names.has(`${t.type}:${t.code}`)) return [];
  return s.communesWhere({ [t.type]: t.code });
}

function groupDepartements(s: Snapshot, communes: CommuneInfo[]): TerritoryTotals[] {
  const groups = new Map<string, CommuneInfo[]>();
  for (const c of communes) {
    if (!c.departement) continue;
    const list = groups.get(c.departement);
    if (list) list.push(c);
    else groups.set(c.departement, [c]);
  }
  return [...groups]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, list]) => ({
      code,
      nom: s.nameOf('departement', code),
      population: sum(list),
      communes: list.length,
    }));
}

const sum = (list: CommuneInfo[]) => list.reduce((t, c) => t + c.population, 0);
