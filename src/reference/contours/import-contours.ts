import type { ContourLevel } from '../../db/schema.ts';
import { CommuneIndex } from '../commune-index.ts';
import { CONTOURS_DEFAULT } from '../default-sources.ts';
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
import { type LoadedSource, readSource } from '../source/read-source.ts';
import type { ContourDraft } from './contour-draft.ts';
import { CONTOUR_LEVELS } from './contour-levels.ts';
import { mapContoursGeojson } from './map-contours-geojson.ts';
import { mapContoursTopojson } from './map-contours-topojson.ts';
import { resolveContours } from './resolve-contours.ts';

export const CONTOURS_LAYER = 'contours';

export interface ContourImportOptions extends LayerImportOptions {
  /** Level of a GeoJSON (or single-object TopoJSON) whose name and properties do not tell it. */
  niveau?: ContourLevel;
}

/**
 * Imports administrative outlines from one or more files or URLs (a TopoJSON with several levels, or one
 * GeoJSON per level). The levels present replace those loaded before; the others are kept. All or nothing
 * across every source.
 */
export async function importContours(
  deps: ReferenceDeps,
  sources: string[] | undefined,
  options: ContourImportOptions = {},
): Promise<LayerImportReport> {
  const list = sources && sources.length > 0 ? sources : CONTOURS_DEFAULT.urls;
  const loaded: LoadedSource[] = [];
  for (const s of list) loaded.push(await readSource(s, CONTOURS_DEFAULT, options.progress));
  let report = startReport(CONTOURS_LAYER, list.join(' '), options, '', 'entité');
  const issues = new IssueList();
  const warnings: string[] = [];
  const drafts: ContourDraft[] = [];
  const formats = new Set<string>();
  for (const source of loaded) {
    try {
      const parsed = parseSource(source.bytes);
      formats.add(parsed.format);
      if (parsed.format === 'TopoJSON') {
        const mapped = mapContoursTopojson(parsed.topology, options.niveau, issues, warnings);
        drafts.push(...mapped.drafts);
        report.read += mapped.read;
      } else if (parsed.format === 'GeoJSON') {
        drafts.push(...mapContoursGeojson(parsed.features, source.name, options.niveau, issues));
        report.read += parsed.features.length;
      } else {
        issues.add(
          0,
          source.name,
          `format ${parsed.format} non pris en charge : TopoJSON ou GeoJSON attendu`,
        );
      }
    } catch (error) {
      if (!(error instanceof SourceFormatError)) throw error;
      issues.add(0, source.name, error.message);
    }
  }
  report.format = [...formats].join(' + ');
  if (issues.length === 0 && report.read === 0) return unreadable(report, 'aucun contour dans les fichiers');

  report.vintage = vintageOf(
    options.vintageLabel ?? 'contours',
    loaded.map((l) => l.bytes),
  );
  const recorded = await deps.repo.layerVintage(CONTOURS_LAYER);
  if (!options.force && !options.dryRun && recorded === report.vintage) return { ...report, skipped: true };

  const [communes, departements, regions, epci] = await Promise.all([
    deps.reader.communes(),
    deps.reader.departements(),
    deps.reader.regions(),
    deps.reader.epci(),
  ]);
  const rows = resolveContours(
    drafts,
    {
      communes: new CommuneIndex(communes),
      departements: new Map(departements.map((d) => [d.code, { nom: d.nom, region: d.region }])),
      regions: new Map(regions.map((r) => [r.code, r.nom])),
      epci: new Map(epci.map((e) => [e.code, e.nom])),
    },
    issues,
    warnings,
  );
  const levels = CONTOUR_LEVELS.filter((l) => rows.some((r) => r.niveau === l));
  const counts = Object.fromEntries(levels.map((l) => [l, rows.filter((r) => r.niveau === l).length]));
  report = { ...report, warnings, counts };
  if (issues.length > 0) return { ...report, valid: false, errors: issues.sorted() };
  if (options.dryRun) return report;

  const vintage = report.vintage;
  await deps.repo.transaction(async (trx) => {
    await deps.repo.deleteContours(trx, levels);
    await deps.repo.insertRows(trx, 'contour', rows, options.progress);
    const total = await deps.repo.count(trx, 'contour');
    await deps.repo.recordLayer(trx, {
      layer: CONTOURS_LAYER,
      vintage,
      source: report.source,
      row_count: total,
    });
  });
  await deps.repo.analyze(['contour']);
  return { ...report, written: true };
}
