import { type AnalyticDynamic, type CommuneInfo, isLiveAt } from './model.ts';

/**
 * Coordinated care of a territory (MSP, centres de santé, CPTS) and how CLS articulate with CPTS.
 * FINESS gives MSP and centres de santé at their address commune and CPTS at their seat only: a CPTS whose
 * perimeter nobody has entered yet counts by its seat ("siège seul"), never as covering any population.
 */
export interface CoordinatedCareFigures {
  population: number;
  msp: number;
  /** MSP per 10,000 inhabitants; null without a known population. */
  mspPour10000: number | null;
  centresDeSante: number;
  centresDeSantePour10000: number | null;
  cpts: {
    total: number;
    /** CPTS whose perimeter (communes) is known. */
    perimetreConnu: number;
    /** CPTS known by their seat only (perimeter still to be entered). */
    siegeSeul: number;
    /** Share of the population living in the known perimeter of a CPTS. */
    partPopulationCouverte: number;
  };
  cls: {
    total: number;
    /** CLS sharing a commune with the known perimeter of a CPTS, or holding a CPTS's seat. */
    avecCpts: number;
    partAvecCpts: number;
  };
}

/** Where a dynamic lies: its perimeter, else its seat (a structure known by its address only). */
function placeOf(d: AnalyticDynamic): string[] {
  if (d.communes.length > 0) return d.communes;
  return d.siege ? [d.siege] : [];
}

const per10000 = (n: number, population: number) => (population > 0 ? (n / population) * 10_000 : null);

/**
 * Figures for the communes of a territory, from the dynamics that touch them (by perimeter or seat).
 * Arrondissements municipaux are left out of the population: their city counts them already.
 */
export function coordinatedCare(
  communes: CommuneInfo[],
  dynamics: Iterable<AnalyticDynamic>,
  date: string,
): CoordinatedCareFigures {
  const inside = new Set(communes.map((c) => c.code));
  const live = [...dynamics].filter((d) => isLiveAt(d, date) && placeOf(d).some((c) => inside.has(c)));
  const ofKind = (type: AnalyticDynamic['type']) => live.filter((d) => d.type === type);

  const population = communes.reduce((sum, c) => sum + (c.arrondissement ? 0 : c.population), 0);
  const cpts = ofKind('CPTS');
  const known = cpts.filter((d) => d.communes.length > 0);
  const cptsCommunes = new Set(known.flatMap((d) => d.communes));
  const cptsSeats = new Set(cpts.flatMap((d) => (d.communes.length === 0 && d.siege ? [d.siege] : [])));
  const covered = communes.reduce(
    (sum, c) => sum + (!c.arrondissement && cptsCommunes.has(c.code) ? c.population : 0),
    0,
  );

  const cls = ofKind('CLS');
  const articulated = cls.filter((d) => d.communes.some((c) => cptsCommunes.has(c) || cptsSeats.has(c)));
  const msp = ofKind('MSP').length;
  const centres = ofKind('CDS').length;
  return {
    population,
    msp,
    mspPour10000: per10000(msp, population),
    centresDeSante: centres,
    centresDeSantePour10000: per10000(centres, population),
    cpts: {
      total: cpts.length,
      perimetreConnu: known.length,
      siegeSeul: cpts.length - known.length,
      partPopulationCouverte: population > 0 ? covered / population : 0,
    },
    cls: {
      total: cls.length,
      avecCpts: articulated.length,
      partAvecCpts: cls.length > 0 ? articulated.length / cls.length : 0,
    },
  };
}
