import { QPV_DEFAULT } from '../../src/reference/default-sources.ts';
import { mapQpvCsv } from '../../src/reference/qpv/map-qpv-csv.ts';
import { mapQpvGeojson } from '../../src/reference/qpv/map-qpv-geojson.ts';
import { mapQpvList } from '../../src/reference/qpv/map-qpv-list.ts';
import type { QpvDraft } from '../../src/reference/qpv/qpv-record.ts';
import { assertNoIssues, type Input, type InputRecord, IssueList, readInput } from './read-input.ts';

/** One QPV as shipped: field names the importer's JSON list reads. */
export interface ShippedQpv {
  code: string;
  nom: string;
  departement: string | null;
  communes: string[];
  population?: number;
}

const byCode = <T extends { code: string }>(a: T, b: T) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

function qpvDrafts(input: Input, issues: IssueList): QpvDraft[] {
  const { parsed } = input;
  if (parsed.format === 'liste JSON') return mapQpvList(parsed.items, issues);
  if (parsed.format === 'CSV') return mapQpvCsv(parsed.header, parsed.rows, issues);
  if (parsed.format === 'GeoJSON') return mapQpvGeojson(parsed.features, issues, []);
  throw new Error(`${input.source} : liste JSON, GeoJSON ou CSV attendu, lu ${parsed.format}`);
}

/**
 * The QPV list (codes of communes required; perimeters are not shipped) and, from other files, the
 * population of the QPV whose code is exactly the same. A file of another generation (2015 codes QP…,
 * 2024 codes QN…) gives none: a quartier of 2015 is not the quartier of 2024 that followed it.
 */
export async function buildQpv(listSource: string, populationSources: string[]) {
  const issues = new IssueList();
  const inputs: InputRecord[] = [];
  const drafts = qpvDrafts(await readInput(listSource, QPV_DEFAULT, inputs), issues);
  assertNoIssues(issues, 'QPV');
  const withoutCodes = drafts.filter((d) => d.communes.length === 0).map((d) => d.code);
  if (withoutCodes.length > 0) {
    throw new Error(`QPV sans code de commune INSEE : ${withoutCodes.slice(0, 10).join(', ')}`);
  }
  const population = new Map<string, number>();
  for (const source of populationSources) {
    const found = new IssueList();
    for (const d of qpvDrafts(await readInput(source, QPV_DEFAULT, inputs), found)) {
      if (d.population !== null) population.set(d.code, d.population);
    }
    assertNoIssues(found, `population des QPV (${source})`);
  }
  const qpv: ShippedQpv[] = drafts
    .map((d) => {
      const pop = population.get(d.code);
      const row: ShippedQpv = {
        code: d.code,
        nom: d.nom,
        departement: d.departement,
        communes: [...d.communes].sort(),
      };
      if (pop !== undefined) row.population = pop;
      return row;
    })
    .sort(byCode);
  const withPopulation = qpv.filter((q) => q.population !== undefined).length;
  return {
    qpv,
    counts: { qpv: qpv.length, avecPopulation: withPopulation },
    populationRead: population.size,
    inputs,
  };
}
