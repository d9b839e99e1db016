import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { qpvGeneration } from '../../domain/territories/qpv-code.ts';
import { CommuneIndex } from '../commune-index.ts';
import { QPV_DEFAULT } from '../default-sources.ts';
import {
  IssueList,
  type LayerImportOptions,
  type LayerImportReport,
  startReport,
  unreadable,
  vintageOf,
} from '../import-report.ts';
import type { ReferenceDeps } from '../reference.reader.ts';
import { parseSource, SourceFormatError } from '../source/parse-source.ts';
import { readSource } from '../source/read-source.ts';
import { mapQpvCsv } from './map-qpv-csv.ts';
import { mapQpvGeojson } from './map-qpv-geojson.ts';
import { mapQpvList } from './map-qpv-list.ts';
import type { QpvDraft } from './qpv-record.ts';
import { resolveQpv } from './resolve-qpv.ts';

export const QPV_LAYER = 'qpv';

/**
 * Imports quartiers prioritaires from a JSON list, a GeoJSON (or TopoJSON) of perimeters or a CSV.
 * The file replaces the QPV of the generations it contains; a population or a perimeter it lacks is
 * kept from an earlier import of the same QPV. All or nothing: any error leaves the database untouched
 * and the report lists every one.
 */
export async function importQpv(
  deps: ReferenceDeps,
  source: string | undefined,
  options: LayerImportOptions = {},
): Promise<LayerImportReport> {
  const from = source ?? (QPV_DEFAULT.urls[0] as string);
  const loaded = await readSource(from, QPV_DEFAULT, options.progress);
  let report = startReport(QPV_LAYER, from, options);
  const issues = new IssueList();
  const warnings: string[] = [];
  let drafts: QpvDraft[];
  try {
    const parsed = parseSource(loaded.bytes);
    report.format = parsed.format;
    if (parsed.format === 'liste JSON') {
      report = { ...report, unit: 'élément', read: parsed.items.length };
      drafts = mapQpvList(parsed.items, issues);
    } else if (parsed.format === 'CSV') {
      report = { ...report, unit: 'ligne', read: parsed.rows.length };
      drafts = mapQpvCsv(parsed.header, parsed.rows, issues);
    } else {
      const features = parsed.format === 'GeoJSON' ? parsed.features : topologyFeatures(parsed.topology);
      report = { ...report, unit: 'entité', read: features.length };
      drafts = mapQpvGeojson(features, issues, warnings);
    }
  } catch (error) {
    if (error instanceof SourceFormatError) return unreadable(report, error.message);
    throw error;
  }
  if (report.read === 0) return unreadable(report, 'aucun quartier dans le fichier');

  report.vintage = vintageOf(options.vintageLabel ?? generationLabel(drafts), [loaded.bytes]);
  if (!options.force && !options.dryRun && (await deps.repo.layerVintage(QPV_LAYER)) === report.vintage) {
    return { ...report, skipped: true };
  }

  const [communes, departements] = await Promise.all([deps.reader.communes(), deps.reader.departements()]);
  const ref = {
    communes: new CommuneIndex(communes),
    departements: new Set(departements.map((d) => d.code)),
  };
  const resolved = resolveQpv(drafts, ref, issues, warnings);
  report = {
    ...report,
    warnings,
    counts: { qpv: resolved.rows.length, rattachements: resolved.links.length },
  };
  if (issues.length > 0) return { ...report, valid: false, errors: issues.sorted() };
  if (options.dryRun) return report;

  const vintage = report.vintage;
  const total = await deps.repo.transaction(async (trx) => {
    const codes = resolved.rows.map((r) => r.code);
    // A list without populations must not erase those an INSEE file brought, nor perimeters.
    const before = await deps.repo.qpvExtras(trx, codes);
    await deps.repo.deleteQpv(trx, resolved.generations, codes);
    const rows = resolved.rows.map((r) => ({
      ...r,
      population: r.population ?? before.get(r.code)?.population ?? null,
      contour: r.contour ?? before.get(r.code)?.contour ?? null,
      vintage,
    }));
    await deps.repo.insertRows(trx, 'qpv', rows, options.progress);
    await deps.repo.insertRows(trx, 'qpv_commune', resolved.links, options.progress);
    const n = await deps.repo.count(trx, 'qpv');
    await deps.repo.recordLayer(trx, { layer: QPV_LAYER, vintage, source: from, row_count: n });
    return n;
  });
  await deps.repo.analyze(['qpv', 'qpv_commune']);
  return { ...report, written: true, counts: { ...report.counts, total } };
}

/** "QPV 2024", or "QPV 2015 + 2024" for a file mixing generations. */
function generationLabel(drafts: QpvDraft[]): string {
  const generations = new Set(drafts.map((d) => qpvGeneration(d.code) ?? 'autre'));
  return `QPV ${[...generations].sort().join(' + ') || 'inconnus'}`;
}

/** A TopoJSON of QPV is read as the features of its first object. */
function topologyFeatures(topology: Topology): unknown[] {
  const first = Object.values(topology.objects)[0];
  if (!first) return [];
  const collection = feature(topology, first) as { features?: unknown[] } | unknown;
  return (collection as { features?: unknown[] }).features ?? [collection];
}
