import type { Feature, Geometry } from 'geojson';
import type { ImportIssue } from '../../domain/kernel/import-issue.ts';
import { DYNAMIC_KINDS, STATUSES } from '../../domain/registry/kinds.ts';
import type { SourcedRecord } from '../../domain/registry/source-sync.ts';
import type { CommuneIndex } from '../commune-index.ts';
import { finessDate } from '../finess/finess-extraction.ts';
import type { CommuneShapes } from './commune-points.ts';
import { type LayerMapping, resolveField } from './mapping.ts';

function codesIn(value: unknown): string[] {
  const list = Array.isArray(value) ? value.map(String) : String(value ?? '').split(/[\s,;|]+/);
  return list
    .map((c) => c.trim().toUpperCase())
    .filter(Boolean)
    .map((c) => (/^\d{4}$/.test(c) ? `0${c}` : c));
}

/**
 * Features of a layer → records of the registry, through the saved correspondence. Positions are
 * feature numbers from 1; every problem is listed.
 */
export function mapFeatures(
  features: Feature[],
  mapping: LayerMapping,
  reference: { communes: CommuneIndex; shapes: CommuneShapes | null },
): { records: SourcedRecord[]; issues: ImportIssue[] } {
  const records: SourcedRecord[] = [];
  const issues: ImportIssue[] = [];
  features.forEach((f, i) => {
    const line = i + 1;
    const props = (f.properties ?? {}) as Record<string, unknown>;
    const before = issues.length;
    const issue = (champ: string, message: string) => issues.push({ ligne: line, champ, message });
    const id = String(props[mapping.cle] ?? f.id ?? '').trim();
    if (!id) issue(mapping.cle, 'identifiant absent');
    const nom = String(props[mapping.nom] ?? '').trim();
    if (!nom) issue(mapping.nom, 'nom absent');
    const type = resolveField(mapping.type, props, DYNAMIC_KINDS);
    if ('error' in type) issue('type', type.error);
    const statut = mapping.statut ? resolveField(mapping.statut, props, STATUSES) : null;
    if (statut && 'error' in statut) issue('statut', statut.error);
    const date = (field: string | undefined) => {
      const raw = field ? String(props[field] ?? '').trim() : '';
      if (!raw || !field) return null;
      const d = finessDate(raw);
      if (!d) issue(field, `date illisible : « ${raw} »`);
      return d;
    };
    const dateDebut = date(mapping.dateDebut);
    const dateFin = date(mapping.dateFin);
    const communes = communesOf(f.geometry, props, mapping, reference, issue);
    if (issues.length > before || 'error' in type || (statut && 'error' in statut)) return;
    const porteur = mapping.porteur ? String(props[mapping.porteur] ?? '').trim() : '';
    records.push({
      key: `${mapping.couche}:${id}`,
      line,
      type: (type as { value: SourcedRecord['type'] }).value,
      nom,
      communes,
      porteur: porteur ? { nom: porteur, type: 'autre' } : null,
      dateDebut,
      dateFin,
      statut: statut ? (statut as { value: SourcedRecord['statut'] }).value : null,
    });
  });
  return { records, issues };
}

function communesOf(
  geometry: Geometry | null,
  props: Record<string, unknown>,
  mapping: LayerMapping,
  reference: { communes: CommuneIndex; shapes: CommuneShapes | null },
  issue: (champ: string, message: string) => void,
): string[] {
  if (mapping.communes) {
    const out = new Set<string>();
    for (const code of codesIn(props[mapping.communes])) {
      const found = reference.communes.current(code) ?? reference.communes.successor(code);
      if (found) out.add(found.code);
      else issue(mapping.communes, `commune inconnue : ${code}`);
    }
    if (out.size === 0) issue(mapping.communes, 'aucune commune');
    return [...out].sort();
  }
  if (!geometry) {
    issue('geometry', 'ni géométrie ni champ de communes');
    return [];
  }
  if (!reference.shapes) return [];
  const found = reference.shapes.communesOf(geometry);
  if (found.length === 0) issue('geometry', 'la géométrie ne couvre aucune commune des contours chargés');
  return found;
}
