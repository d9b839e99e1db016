import { mapContratsCsv } from '../../src/reference/contrats-ville/map-contrats-csv.ts';
import { mapContratsGeojson } from '../../src/reference/contrats-ville/map-contrats-geojson.ts';
import { mapContratsList } from '../../src/reference/contrats-ville/map-contrats-list.ts';
import { CONTRATS_VILLE_DEFAULT } from '../../src/reference/default-sources.ts';
import { assertNoIssues, type InputRecord, IssueList, readInput } from './read-input.ts';

/** One contract territory as shipped: field names the importer reads (aliases of the ANCT ones). */
export interface ShippedContrat {
  code: string;
  nom: string | null;
  /** SIREN of the EPCI or EPT, or INSEE code of the commune: the contract's territory (ANCT `codgeo`). */
  code_territoire: string;
  departement: string | null;
  /** The figure published with the contract (ANCT `pop`, undocumented). */
  population: number | null;
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
    .map((d) => ({
      code: d.code,
      nom: d.nom,
      code_territoire: d.territoire,
      departement: d.departement,
      population: d.population,
    }))
    .sort((a, b) => order(a.code, b.code) || order(a.code_territoire, b.code_territoire));
  const counts = { territoires: contrats.length, contrats: new Set(contrats.map((c) => c.code)).size };
  return { contrats, counts, inputs };
}
