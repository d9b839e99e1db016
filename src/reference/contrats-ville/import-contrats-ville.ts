import { CommuneIndex } from '../commune-index.ts';
import { CONTRATS_VILLE_DEFAULT } from '../default-sources.ts';
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
import type { ContratDraft } from './contrat-record.ts';
import { loadEpt } from './ept.ts';
import { mapContratsCsv } from './map-contrats-csv.ts';
import { mapContratsGeojson } from './map-contrats-geojson.ts';
import { mapContratsList } from './map-contrats-list.ts';
import { resolveContrats } from './resolve-contrats.ts';

export const CONTRATS_VILLE_LAYER = 'contrats_ville';

/**
 * Imports contrats de ville (ANCT GeoJSON, or a JSON list or CSV with the same fields). A file replaces every contract
 * loaded before; any error leaves the database untouched and the report lists every one.
 */
export async function importContratsVille(
  deps: ReferenceDeps,
  source: string | undefined,
  options: LayerImportOptions = {},
): Promise<LayerImportReport> {
  const from = source ?? (CONTRATS_VILLE_DEFAULT.urls[0] as string);
  const loaded = await readSource(from, CONTRATS_VILLE_DEFAULT, options.progress);
  let report = startReport(CONTRATS_VILLE_LAYER, from, options);
  const issues = new IssueList();
  const warnings: string[] = [];
  let drafts: ContratDraft[];
  try {
    const parsed = parseSource(loaded.bytes);
    report.format = parsed.format;
    if (parsed.format === 'GeoJSON') {
      report = { ...report, unit: 'entité', read: parsed.features.length };
      drafts = mapContratsGeojson(parsed.features, issues);
    } else if (parsed.format === 'CSV') {
      report = { ...report, unit: 'ligne', read: parsed.rows.length };
      drafts = mapContratsCsv(parsed.header, parsed.rows, issues);
    } else if (parsed.format === 'liste JSON') {
      report = { ...report, unit: 'élément', read: parsed.items.length };
      drafts = mapContratsList(parsed.items, issues);
    } else {
      return unreadable(
        report,
        `format ${parsed.format} non pris en charge : GeoJSON, liste JSON ou CSV attendu`,
      );
    }
  } catch (error) {
    if (error instanceof SourceFormatError) return unreadable(report, error.message);
    throw error;
  }
  if (report.read === 0) return unreadable(report, 'aucun contrat de ville dans le fichier');

  report.vintage = vintageOf(options.vintageLabel ?? 'contrats de ville', [loaded.bytes]);
  const recorded = await deps.repo.layerVintage(CONTRATS_VILLE_LAYER);
  if (!options.force && !options.dryRun && recorded === report.vintage) return { ...report, skipped: true };

  const [communes, epci, departements] = await Promise.all([
    deps.reader.communes(),
    deps.reader.epci(),
    deps.reader.departements(),
  ]);
  const ref = {
    communes: new CommuneIndex(communes),
    epci: new Map(epci.map((e) => [e.code, e.nom])),
    ept: new Map(loadEpt().map((e) => [e.code, e])),
    departements: new Set(departements.map((d) => d.code)),
  };
  const resolved = resolveContrats(drafts, ref, issues, warnings);
  report = {
    ...report,
    warnings,
    counts: {
      contrats: resolved.contrats,
      territoires: resolved.rows.length,
      communes: new Set(resolved.communes.map((c) => c.commune)).size,
    },
  };
  if (issues.length > 0) return { ...report, valid: false, errors: issues.sorted() };
  if (options.dryRun) return report;

  const vintage = report.vintage;
  await deps.repo.transaction(async (trx) => {
    await deps.repo.clear(trx, 'contrat_ville_commune');
    await deps.repo.clear(trx, 'contrat_ville');
    await deps.repo.insertRows(
      trx,
      'contrat_ville',
      resolved.rows.map((r) => ({ ...r, vintage })),
      options.progress,
    );
    await deps.repo.insertRows(trx, 'contrat_ville_commune', resolved.communes, options.progress);
    await deps.repo.recordLayer(trx, {
      layer: CONTRATS_VILLE_LAYER,
      vintage,
      source: from,
      row_count: resolved.rows.length,
    });
  });
  await deps.repo.analyze(['contrat_ville', 'contrat_ville_commune']);
  return { ...report, written: true };
}
