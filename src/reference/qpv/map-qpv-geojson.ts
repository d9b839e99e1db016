import { normalizeForSearch } from '../../domain/text/normalize.ts';
import { type Surface, surfaceGeometry } from '../geometry.ts';
import type { IssueList } from '../import-report.ts';
import { mapQpvRecord, type QpvDraft } from './qpv-record.ts';

/**
 * GeoJSON FeatureCollection of QPV perimeters (SIG Ville / data.gouv.fr: code_qp, lib_qp, insee_com…;
 * INSEE files: code_qp, nom_qp, code_commune, nom_commune). Positions count features from 1.
 * A feature without a usable polygon is still a QPV: its perimeter is simply not kept. Several features
 * with the same code and name (a perimeter cut along commune limits) are merged into one QPV.
 */
export function mapQpvGeojson(features: unknown[], issues: IssueList, warnings: string[]): QpvDraft[] {
  const drafts: QpvDraft[] = [];
  const byCode = new Map<string, QpvDraft>();
  let withoutGeometry = 0;
  let merged = 0;
  features.forEach((feature, i) => {
    const f = feature as { type?: unknown; properties?: unknown; geometry?: unknown } | null;
    if (!f || typeof f !== 'object' || f.type !== 'Feature') {
      issues.add(i + 1, '(entité)', 'entité GeoJSON (type Feature) attendue');
      return;
    }
    const properties = (f.properties ?? {}) as Record<string, unknown>;
    const surface = surfaceGeometry(f.geometry);
    if ('error' in surface) withoutGeometry++;
    const draft = mapQpvRecord(i + 1, properties, 'geometry' in surface ? surface.geometry : null, issues);
    if (!draft) return;
    const same = byCode.get(draft.code);
    if (same && normalizeForSearch(same.nom) === normalizeForSearch(draft.nom)) {
      mergeInto(same, draft);
      merged++;
      return;
    }
    // A different name under the same code stays apart: the duplicate is then reported.
    if (!same) byCode.set(draft.code, draft);
    drafts.push(draft);
  });
  if (withoutGeometry > 0) {
    warnings.push(
      `${withoutGeometry} entité(s) sans polygone exploitable : leur périmètre n’est pas conservé`,
    );
  }
  if (merged > 0) warnings.push(`${merged} entité(s) réunie(s) à une autre entité du même quartier`);
  return drafts;
}

function mergeInto(target: QpvDraft, part: QpvDraft): void {
  target.communes = [...new Set([...target.communes, ...part.communes])];
  target.communeNames = [...new Set([...target.communeNames, ...part.communeNames])];
  target.departement ??= part.departement;
  if (part.population !== null) target.population = (target.population ?? 0) + part.population;
  target.geometry = union(target.geometry, part.geometry);
}

function union(a: Surface | null, b: Surface | null): Surface | null {
  if (!a || !b) return a ?? b;
  const polygons = (g: Surface) => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates);
  return { type: 'MultiPolygon', coordinates: [...polygons(a), ...polygons(b)] };
}
