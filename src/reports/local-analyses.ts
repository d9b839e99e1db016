import type { Snapshot } from '../analytics/analytics.service.ts';
import { configurationMatrix } from '../domain/analytics/configurations.ts';
import { countByTerritory } from '../domain/analytics/counts.ts';
import { coverageByKind, uncoveredCommunes } from '../domain/analytics/coverage.ts';
import type { AnalyticDynamic, CommuneInfo } from '../domain/analytics/model.ts';
import type { DynamicKind } from '../domain/registry/kinds.ts';
import type { CountItem, CoverageItem, EtatDesLieuxInput } from '../domain/reports/inputs.ts';
import type { ReportScope } from './report-scope.ts';

type LocalAnalyses = Pick<
  EtatDesLieuxInput,
  'comptages' | 'configurations' | 'couvertureParDepartement' | 'couvertureTotale'
>;

/**
 * The analyses of an EPCI or a commune, computed on its own communes: the analytics service scopes
 * by région and département only, and a département's figures would describe far more than asked.
 * Rows keep the département codes of `scope.departements`, as the tables of a wider report do.
 */
export function localAnalyses(
  s: Snapshot,
  scope: ReportScope,
  kinds: { covered: readonly DynamicKind[]; base: DynamicKind; avec: DynamicKind[] },
  date: string,
): LocalAnalyses {
  const touching = s.touching(scope.communes.map((c) => c.code));
  const depCodes = new Set(scope.departements.map((d) => d.code));
  const nameOf = new Map(scope.departements.map((d) => [d.code, d.nom]));
  const comptages: CountItem[] = countByTerritory(
    touching,
    (d) => s.placesOf(d).departement,
    date,
    (t) => depCodes.has(t),
    null,
  ).map((r) => ({ ...r, territoire: { code: r.territoire, nom: nameOf.get(r.territoire) ?? r.territoire } }));

  const { total, configurations } = configurationMatrix({
    base: kinds.base,
    avec: kinds.avec,
    date,
    bases: touching.filter((d) => d.type === kinds.base),
    byCommune: (c) => s.byCommune.get(c) ?? [],
  });

  const couvertureParDepartement = scope.departements.flatMap((dep) =>
    coverageItems(
      { code: dep.code, nom: dep.nom },
      scope.communes.filter((c) => c.departement === dep.code),
      touching,
      kinds.covered,
      date,
    ),
  );
  const p = scope.perimetre;
  const couvertureTotale = coverageItems(
    { code: p.code, nom: p.nom },
    scope.communes,
    touching,
    kinds.covered,
    date,
  );
  return { comptages, configurations: { total, configurations }, couvertureParDepartement, couvertureTotale };
}

/** One row per kind plus ZONE_BLANCHE, the shape the analytics service gives for wider territories. */
function coverageItems(
  territoire: { code: string; nom: string },
  communes: CommuneInfo[],
  dynamics: AnalyticDynamic[],
  kinds: readonly DynamicKind[],
  date: string,
): CoverageItem[] {
  const coverage = coverageByKind(communes, dynamics, kinds, date);
  const items: CoverageItem[] = kinds.flatMap((kind) => {
    const k = coverage[kind];
    return k ? [{ territoire, type: kind, ...k }] : [];
  });
  const blank = uncoveredCommunes(communes, dynamics, kinds, date);
  const population = communes.reduce((t, c) => t + c.population, 0);
  const blankPopulation = blank.reduce((t, c) => t + c.population, 0);
  items.push({
    territoire,
    type: 'ZONE_BLANCHE',
    communes: blank.length,
    population: blankPopulation,
    partCommunes: communes.length === 0 ? 0 : blank.length / communes.length,
    partPopulation: population === 0 ? 0 : blankPopulation / population,
  });
  return items;
}
