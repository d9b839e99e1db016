import type { Actor } from '../../domain/actor.ts';
import type { ImportIssue } from '../../domain/kernel/import-issue.ts';
import { FILE_FIELD } from '../../domain/kernel/import-issue.ts';
import type { SourceSyncReport } from '../../domain/registry/responses.ts';
import type { SyncBatch } from '../../domain/registry/source-sync.ts';
import type { ProgressReporter } from '../../kernel/progress.ts';
import { decodeText } from '../../kernel/tabular/decode-text.ts';
import type { SourceSyncService } from '../../registry/source-sync.service.ts';
import { CommuneIndex } from '../commune-index.ts';
import type { ReferenceReader } from '../reference.reader.ts';
import { parseExtraction } from './finess-extraction.ts';
import { FINESS_CATEGORIES, FINESS_KINDS, mapEstablishments } from './finess-records.ts';
import { FINESS_DEFAULT, loadExtraction } from './finess-source.ts';

export interface FinessImportOptions {
  dryRun: boolean;
  /** A partial extraction (one region…): establishments it does not list are not stopped. */
  partiel?: boolean;
  /** Accept an extraction older than the one already imported. */
  force?: boolean;
  progress?: ProgressReporter | undefined;
}

export interface FinessImportResult {
  report: SourceSyncReport;
  /** Lines of the three categories, those placed on the map, those left without a point (overseas). */
  etablissements: number;
  points: number;
  sansPoint: number;
  source: string;
}

/**
 * `odts reference import finess` and `POST /api/imports/finess`: maisons de santé (603), centres de
 * santé (124) and CPTS (604) of the FINESS extraction become MSP, CDS and CPTS dynamics keyed on their
 * FINESS number (src/reference/finess/README.md).
 */
export class FinessImportService {
  constructor(
    private readonly reader: ReferenceReader,
    private readonly sync: SourceSyncService,
  ) {}

  async importSource(actor: Actor, source: string | undefined, options: FinessImportOptions) {
    const from = source ?? (FINESS_DEFAULT.urls[0] as string);
    const loaded = await loadExtraction(from, options.progress);
    return this.importBytes(actor, loaded.bytes, { ...options, source: loaded.source });
  }

  async importBytes(
    actor: Actor,
    bytes: Uint8Array,
    options: FinessImportOptions & { source?: string },
  ): Promise<FinessImportResult> {
    const { text } = decodeText(bytes);
    const extraction = parseExtraction(text, (c) => c in FINESS_CATEGORIES);
    const issues: ImportIssue[] = [...extraction.issues];
    if (extraction.announced !== null && extraction.structures < extraction.announced) {
      issues.push({
        ligne: 1,
        champ: FILE_FIELD,
        message:
          `fichier incomplet : ${extraction.structures} établissements lus, ${extraction.announced} annoncés ` +
          'en ligne 1 — rien n’est importé (un fichier tronqué arrêterait à tort les absents)',
      });
    }
    const communes = new CommuneIndex(await this.reader.communes());
    const mapped = mapEstablishments(extraction.establishments, extraction.geolocations, communes);
    issues.push(...mapped.issues);
    const date = extraction.date ?? '0001-01-01';
    const batch: SyncBatch = {
      keyField: 'finess',
      keyPrefix: '',
      kinds: FINESS_KINDS,
      label: `FINESS ${date}`,
      date,
      verifiedBy: 'FINESS',
      sourceTitle: `FINESS — extraction du ${date}`,
      sourceUrl: FINESS_DEFAULT.page.split(' ')[0] as string,
      stopMissing: !options.partiel,
    };
    const report = await this.sync.sync(
      actor,
      { batch, records: mapped.records, lignes: extraction.lignes, issues },
      { dryRun: options.dryRun, progress: options.progress, refuseOlder: !options.force },
    );
    return {
      report,
      etablissements: extraction.establishments.length,
      points: mapped.points,
      sansPoint: mapped.withoutPoint,
      source: options.source ?? 'fichier envoyé',
    };
  }
}
