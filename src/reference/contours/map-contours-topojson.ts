import { feature } from 'topojson-client';
import type { GeometryObject, Topology } from 'topojson-specification';
import type { ContourLevel } from '../../db/schema.ts';
import type { IssueList } from '../import-report.ts';
import { type ContourDraft, mapContourFeature } from './contour-draft.ts';
import { levelFromName } from './contour-levels.ts';

/**
 * TopoJSON with one object per level (communes, epci, departements, regions): each object is turned
 * into GeoJSON features, positions counting from 1 within the object. An object whose name is not a
 * level is skipped with a warning, unless `niveau` names the level of a single-object file.
 */
export function mapContoursTopojson(
  topology: Topology,
  niveau: ContourLevel | undefined,
  issues: IssueList,
  warnings: string[],
): { drafts: ContourDraft[]; read: number } {
  const drafts: ContourDraft[] = [];
  let read = 0;
  const objects = Object.entries(topology.objects ?? {});
  for (const [name, object] of objects) {
    const level = levelFromName(name) ?? (objects.length === 1 ? niveau : undefined);
    if (!level) {
      warnings.push(`couche « ${name} » ignorée : niveau inconnu (communes, epci, departements, regions)`);
      continue;
    }
    const collection = feature(topology, object as GeometryObject) as unknown as {
      features?: unknown[];
    };
    const features = collection.features ?? [collection];
    read += features.length;
    features.forEach((f, i) => {
      const draft = mapContourFeature(f, i + 1, name, level, issues);
      if (draft) drafts.push(draft);
    });
  }
  return { drafts, read };
}
