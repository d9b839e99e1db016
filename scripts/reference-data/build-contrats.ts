import { mapContratsCsv } from '../../src/reference/contrats-ville/map-contrats-csv.ts';
import { mapContratsGeojson } from '../../src/reference/contrats-ville/map-contrats-geojson.ts';
import { mapContratsList } from '../../src/reference/contrats-ville/map-contrats-list.ts';
import { CONTRATS_VILLE_DEFAULT } from '../../src/reference/default-sources.ts';
import { assertNoIssues, type InputRecord, IssueList, readInput } from './read-input.ts';

/** One contract territory as shipped: what the importer's JSON list reads (ANCT field meanings). */
export interface ShippedContrat {
  code: string;
  nom: string | null;
  codgeo: string;
  dep: string | null;
  pop: number | null;
}

const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Contract territories, one row each (a contract may have several), in a stable order. */
export async function buildContrats(source: string) {
  const inputs: InputRecord[] = [];
  const input = await readInput(source, CONTRATS_VILLE_DEFAULT, inputs);
  const issues = new IssueList();
  const { parsed } = input;
  const drafts =
    parsed.format === 'GeoJSON'
      ? mapContratsGeojson(parsed.features, issues)
      : parsed.format === 'CSV'
        ? mapContratsCsv(parsed.header, parsed.rows, issues)
        : parsed.format === 'liste JSON'
          ? mapContratsList(parsed.items, issues)
          : null;
  if (!drafts) throw new Error(`${source} : GeoJSON, liste JSON ou CSV attendu, lu ${parsed.format}`);
  assertNoIssues(issues, 'contrats de ville');
  const contrats: ShippedContrat[] = drafts
    .map((d) => ({ code: d.code, nom: d.nom, codgeo: d.territoire, dep: d.departement, pop: d.population }))
    .sort((a, b) => order(a.code, b.code) || order(a.codgeo, b.codgeo));
  const counts = { territoires: contrats.length, contrats: new Set(contrats.map((c) => c.code)).size };
  return { contrats, counts, inputs };
}
