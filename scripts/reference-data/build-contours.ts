import type { Feature, FeatureCollection } from 'geojson';
import { topology } from 'topojson-server';
import type { Topology } from 'topojson-specification';
import type { ContourLevel } from '../../src/db/schema.ts';
import type { ContourDraft } from '../../src/reference/contours/contour-draft.ts';
import { mapContoursGeojson } from '../../src/reference/contours/map-contours-geojson.ts';
import { mapContoursTopojson } from '../../src/reference/contours/map-contours-topojson.ts';
import { CONTOURS_DEFAULT } from '../../src/reference/default-sources.ts';
import { assertNoIssues, type InputRecord, IssueList, readInput } from './read-input.ts';
import { simplifyTopology } from './simplify-arcs.ts';

/** Object names of the shipped TopoJSON, largest territories first (the importer reads them by name). */
const OBJECTS: Record<ContourLevel, string> = {
  region: 'regions',
  departement: 'departements',
  epci: 'epci',
  commune: 'communes',
};

export interface ContourSettings {
  /** Grid of the quantised coordinates (positions per axis over the whole extent). */
  quantization: number;
  /** Douglas–Peucker tolerance, in grid units. */
  tolerance: number;
}

export const DEFAULT_CONTOUR_SETTINGS: ContourSettings = { quantization: 100_000, tolerance: 1 };

/**
 * Reads contours (one TopoJSON with the four levels, or GeoJSON files named by level), keeps only each
 * territory's code and outline, rebuilds a topology whose levels share their borders, and simplifies it.
 */
export async function buildContours(sources: string[], settings: ContourSettings) {
  const issues = new IssueList();
  const warnings: string[] = [];
  const drafts: ContourDraft[] = [];
  const inputs: InputRecord[] = [];
  for (const source of sources) {
    const input = await readInput(source, CONTOURS_DEFAULT, inputs);
    if (input.parsed.format === 'TopoJSON') {
      drafts.push(...mapContoursTopojson(input.parsed.topology, undefined, issues, warnings).drafts);
    } else if (input.parsed.format === 'GeoJSON') {
      drafts.push(...mapContoursGeojson(input.parsed.features, input.name, undefined, issues));
    } else {
      throw new Error(`${source} : TopoJSON ou GeoJSON attendu, lu ${input.parsed.format}`);
    }
  }
  assertNoIssues(issues, 'contours');
  const collections: Record<string, FeatureCollection> = {};
  const counts: Record<string, number> = {};
  for (const [level, name] of Object.entries(OBJECTS) as [ContourLevel, string][]) {
    // The EPCI layer of some sources groups the communes outside any EPCI under an empty code: not a territory.
    const features = drafts
      .filter((d) => d.niveau === level && d.code !== '')
      .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
      .map((d): Feature => ({ type: 'Feature', properties: { code: d.code }, geometry: d.geometry }));
    if (features.length === 0) continue;
    collections[name] = { type: 'FeatureCollection', features };
    counts[name] = features.length;
  }
  const built = topology(collections, settings.quantization) as unknown as Topology;
  const simplified = simplifyTopology(built, settings.tolerance);
  return { topology: simplified, counts, warnings, inputs };
}
