import type { ContourLevel } from '../../db/schema.ts';
import type { IssueList } from '../import-report.ts';
import { type ContourDraft, mapContourFeature } from './contour-draft.ts';
import { levelFromName, levelFromProperties } from './contour-levels.ts';

/**
 * GeoJSON FeatureCollection of one level (IGN Admin Express exports, Etalab contours). The level is
 * given, else read from the file name, else guessed from the first feature's properties.
 */
export function mapContoursGeojson(
  features: unknown[],
  fileName: string,
  niveau: ContourLevel | undefined,
  issues: IssueList,
): ContourDraft[] {
  const firstProperties = ((features[0] as { properties?: unknown } | undefined)?.properties ?? {}) as Record<
    string,
    unknown
  >;
  const level = niveau ?? levelFromName(fileName) ?? levelFromProperties(firstProperties);
  if (!level) {
    issues.add(0, fileName, 'niveau introuvable : précisez --niveau region, departement, epci ou commune');
    return [];
  }
  const drafts: ContourDraft[] = [];
  features.forEach((f, i) => {
    const draft = mapContourFeature(f, i + 1, fileName, level, issues);
    if (draft) drafts.push(draft);
  });
  return drafts;
}
