import type { ContourLevel } from '../../db/schema.ts';
import { asCode } from '../fields.ts';
import { type Surface, surfaceGeometry } from '../geometry.ts';
import { type IssueList, pick } from '../import-report.ts';
import { CODE_KEYS } from './contour-levels.ts';

/** One territory's outline as read from the source, before its code is checked. */
export interface ContourDraft {
  position: number;
  /** TopoJSON object or file the feature comes from, to place errors. */
  layer: string;
  niveau: ContourLevel;
  /** Empty when the source has none (the EPCI layer groups communes outside any EPCI that way). */
  code: string;
  codeKey: string;
  geometry: Surface;
}

const CODE_WIDTH: Record<ContourLevel, number> = { commune: 5, epci: 9, departement: 2, region: 2 };

/** A GeoJSON feature of a known level → draft, or an issue on its code or geometry. */
export function mapContourFeature(
  feature: unknown,
  position: number,
  layer: string,
  niveau: ContourLevel,
  issues: IssueList,
): ContourDraft | null {
  const f = feature as { type?: unknown; properties?: unknown; geometry?: unknown; id?: unknown } | null;
  if (!f || typeof f !== 'object' || f.type !== 'Feature') {
    issues.add(position, `${layer}`, 'entité GeoJSON (type Feature) attendue');
    return null;
  }
  const properties = (f.properties ?? {}) as Record<string, unknown>;
  const found =
    pick(properties, CODE_KEYS[niveau]) ?? (f.id !== undefined ? { key: 'id', value: f.id } : null);
  const codeKey = found?.key ?? (CODE_KEYS[niveau][0] as string);
  const code = found ? String(asCode(found.value, CODE_WIDTH[niveau])) : '';
  const surface = surfaceGeometry(f.geometry);
  if ('error' in surface) {
    issues.add(position, `${layer}.geometry`, surface.error);
    return null;
  }
  return { position, layer, niveau, code, codeKey, geometry: surface.geometry };
}
