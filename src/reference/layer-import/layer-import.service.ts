import type { Feature } from 'geojson';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../../domain/actor.ts';
import { invalid } from '../../domain/errors.ts';
import { FILE_FIELD, type ImportIssue } from '../../domain/kernel/import-issue.ts';
import type { SourceSyncReport } from '../../domain/registry/responses.ts';
import { todayIso } from '../../domain/registry/timeline.ts';
import type { ProgressReporter } from '../../kernel/progress.ts';
import type { SourceSyncService } from '../../registry/source-sync.service.ts';
import { CommuneIndex } from '../commune-index.ts';
import type { ReferenceReader } from '../reference.reader.ts';
import { isUrl, readSource } from '../source/read-source.ts';
import { CommuneShapes } from './commune-points.ts';
import { mapFeatures } from './layer-features.ts';
import { type LayerMapping, layerMapping } from './mapping.ts';

const HELP = {
  command: 'reference import couche-dynamiques --source FICHIER --correspondance correspondance.json',
  page: 'la page du service WFS ou du fichier GeoJSON de la couche',
};

/** A WFS service address completed into a GetFeature request answered in GeoJSON. */
export function wfsRequest(source: string, typeName: string | undefined): string {
  const url = new URL(source);
  const has = (k: string) => [...url.searchParams.keys()].some((x) => x.toLowerCase() === k.toLowerCase());
  if (!typeName && !has('request')) return source;
  const set = (k: string, v: string) => {
    if (!has(k)) url.searchParams.set(k, v);
  };
  set('service', 'WFS');
  set('version', '2.0.0');
  set('request', 'GetFeature');
  if (typeName && !has('typeName')) set('typeNames', typeName);
  set('outputFormat', 'application/json');
  return url.toString();
}

export interface LayerImportOptions {
  dryRun: boolean;
  /** Date the layer is taken as verified on; today by default. */
  date?: string;
  progress?: ProgressReporter | undefined;
}

/**
 * `odts reference import couche-dynamiques`: a GeoJSON file or a WFS layer of dynamics (a regional
 * layer of CLS…) loaded and refreshed through a saved correspondence of its fields to the registry's.
 */
export class LayerImportService {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly reader: ReferenceReader,
    private readonly sync: SourceSyncService,
  ) {}

  static parseMapping(json: unknown): LayerMapping {
    const parsed = layerMapping.safeParse(json);
    if (!parsed.success) {
      const detail = parsed.error.issues.map((i) => `${i.path.join('.') || 'correspondance'} : ${i.message}`);
      throw invalid(`Correspondance invalide — ${detail.join(' ; ')}`);
    }
    return parsed.data;
  }

  async importSource(
    actor: Actor,
    source: string,
    mapping: LayerMapping,
    options: LayerImportOptions,
  ): Promise<SourceSyncReport> {
    const address = isUrl(source) ? wfsRequest(source, mapping.typeName) : source;
    const loaded = await readSource(address, HELP, options.progress);
    let features: Feature[];
    try {
      const json = JSON.parse(loaded.bytes.toString('utf8')) as { type?: string; features?: Feature[] };
      if (json.type !== 'FeatureCollection' || !Array.isArray(json.features)) throw new Error();
      features = json.features;
    } catch {
      throw invalid(`${source} ne rend pas une FeatureCollection GeoJSON (outputFormat=application/json)`);
    }
    const issues: ImportIssue[] = [];
    const shapes = mapping.communes ? null : await CommuneShapes.load(this.db);
    if (shapes && shapes.size === 0) {
      issues.push({
        ligne: 0,
        champ: FILE_FIELD,
        message:
          'contours des communes non chargés : odts reference import contours, ou un champ « communes »',
      });
    }
    const communes = new CommuneIndex(await this.reader.communes());
    const mapped = mapFeatures(features, mapping, { communes, shapes });
    const date = options.date ?? todayIso();
    return this.sync.sync(
      actor,
      {
        batch: {
          keyField: 'identifiantSource',
          keyPrefix: `${mapping.couche}:`,
          kinds: [],
          label: `couche ${mapping.couche} ${date}`,
          date,
          verifiedBy: `couche ${mapping.couche}`,
          sourceTitle: `${mapping.titre} — couche ${mapping.couche}`,
          sourceUrl: isUrl(source) ? source : null,
          stopMissing: !mapping.partielle,
        },
        records: mapped.records,
        lignes: features.length,
        issues: [...issues, ...mapped.issues],
      },
      { dryRun: options.dryRun, progress: options.progress, refuseOlder: true },
    );
  }
}
