import type { Actor } from '../../domain/actor.ts';
import { AppError } from '../../domain/errors.ts';
import { FILE_FIELD } from '../../domain/kernel/import-issue.ts';
import { fillEmptyFields, sameContent } from '../../domain/resources/dedup.ts';
import {
  type DuplicateMode,
  type ImportFormat,
  type NoticeInput,
  noticeInput,
} from '../../domain/resources/schemas.ts';
import { ImportIssues } from '../../kernel/tabular/import-issues.ts';
import { CSV_COLUMNS } from '../formats/notice-csv.ts';
import { withDetectedLanguage } from '../language/detect-language.ts';
import type { NoticeRepository, NoticeRow, NoticeWrite } from '../notice.repository.ts';
import type { NoticeChange, NoticeService } from '../notice.service.ts';
import type { DuplicateReport, NoticeImportReport } from './notice-import-report.ts';
import { type RawRecord, readRecords } from './read-records.ts';

export const MAX_NOTICE_IMPORT_BYTES = 20 * 1024 * 1024;
export const MAX_NOTICE_IMPORT_RECORDS = 20_000;
const NOTICE = '(notice)';
/** Issues of one record follow the order of the notice's fields (the CSV columns). */
const ISSUE_ORDER = { columns: [NOTICE, ...CSV_COLUMNS] };

const FORMAT_LABELS: Record<ImportFormat, string> = {
  ris: 'RIS',
  bibtex: 'BibTeX',
  'csl-json': 'CSL-JSON',
  csv: 'CSV',
};

export interface NoticeImportOptions {
  format?: ImportFormat | undefined;
  dryRun: boolean;
  doublons: DuplicateMode;
  filename?: string | undefined;
  /** Import the valid notices and leave out those with a problem (an explicit choice). */
  partiel?: boolean | undefined;
}

/** Where a record ends up: a new notice (rank among creations) or a stored notice. */
type Target = { kind: 'create'; rank: number } | { kind: 'existing'; id: string } | null;

/**
 * Imports notices from RIS, BibTeX, CSL-JSON or CSV: every record validated like an API input, and only
 * a file without any error is written, in one transaction recorded as one change set. Duplicates of
 * stored notices (or of earlier records) are reported, then ignored or merged into the notice kept.
 */
export class NoticeImportService {
  constructor(
    private readonly notices: NoticeService,
    private readonly repo: NoticeRepository,
  ) {}

  async importFile(
    actor: Actor,
    bytes: Uint8Array,
    options: NoticeImportOptions,
  ): Promise<NoticeImportReport> {
    if (bytes.length > MAX_NOTICE_IMPORT_BYTES) throw tooLarge();
    const file = readRecords(bytes, options.format);
    if (file.records.length > MAX_NOTICE_IMPORT_RECORDS) {
      throw new AppError(
        'too_large',
        `Fichier trop long : ${file.records.length} notices, ${MAX_NOTICE_IMPORT_RECORDS} au plus par import ; découpez-le`,
      );
    }
    const partial = options.partiel ?? false;
    const { valid, issues, reported } = await this.check(file.records);
    issues.push(...file.problems);
    if (file.records.length === 0 && issues.length === 0) {
      issues.add(1, FILE_FIELD, `aucune notice trouvée dans ce fichier ${FORMAT_LABELS[file.format]}`);
    }
    const report = (extra: Partial<NoticeImportReport>): NoticeImportReport => ({
      valide: true,
      format: file.format,
      lignes: file.records.length,
      valides: valid.length,
      signalees: reported.length,
      partiel: partial,
      erreurs: issues.sorted(),
      crees: 0,
      modifies: 0,
      inchanges: 0,
      doublons: [],
      dryRun: options.dryRun,
      lot: null,
      ...extra,
    });
    // All or nothing, unless the caller chose to leave the reported notices out.
    if (issues.length > 0 && (!partial || valid.length === 0)) return report({ valide: false });

    const plan = await this.plan(valid, options.doublons);
    const counts = { crees: plan.creates.length, modifies: plan.changes.length, inchanges: plan.unchanged };
    if (options.dryRun || plan.creates.length + plan.changes.length === 0) {
      return report({ ...counts, doublons: plan.duplicates });
    }
    const source = options.filename ? ` du fichier ${options.filename}` : '';
    const left =
      reported.length > 0 || file.problems.length > 0
        ? ` ; import partiel : ${reported.length} notice(s) signalée(s) ignorée(s)${linesOf(reported)}`
        : '';
    const description =
      `Import ${FORMAT_LABELS[file.format]}${source} : ${counts.crees} notice(s) créée(s), ` +
      `${counts.modifies} complétée(s) par fusion${left}`;
    const lot = await this.notices.applyChangeSet(actor, plan, description);
    return report({ ...counts, doublons: plan.duplicates, lot });
  }

  /** Every record validated like an API input; problems are reported on the line of the field. */
  private async check(records: RawRecord[]) {
    const issues = new ImportIssues(ISSUE_ORDER);
    const valid: { ligne: number; notice: NoticeInput }[] = [];
    const reported: number[] = [];
    for (const r of records) {
      const before = issues.length;
      const lineOf = (champ: string) => r.lines?.[champ.split('.')[0] as string] ?? r.ligne;
      if (!r.raw) {
        issues.add(r.ligne, NOTICE, r.error ?? 'notice illisible');
      } else {
        const parsed = noticeInput.safeParse(r.raw);
        if (!parsed.success) {
          for (const issue of parsed.error.issues) {
            const champ = issue.path.map(String).join('.') || NOTICE;
            issues.add(lineOf(champ), champ, issue.message);
          }
        } else {
          const links = await this.notices.checkLinks(parsed.data);
          for (const [champ, message] of Object.entries(links)) issues.add(lineOf(champ), champ, message);
          // A language the file does not state is detected here, where every format's records meet.
          if (issues.length === before)
            valid.push({ ligne: r.ligne, notice: withDetectedLanguage(parsed.data) });
        }
      }
      if (issues.length > before) reported.push(r.ligne);
    }
    return { valid, issues, reported };
  }

  /** Decides, record by record, what to create and which stored notices to complete. */
  private async plan(valid: { ligne: number; notice: NoticeInput }[], mode: DuplicateMode) {
    const matches = await this.notices.findDuplicates(valid.map((v) => v.notice));
    const existingIds = [...new Set(matches.flatMap((m) => (m.existant ? [m.existant.id] : [])))];
    const existing = new Map<string, NoticeRow>(
      (await this.repo.findByIds(existingIds)).map((r) => [r.id, r]),
    );
    const creates: NoticeWrite[] = [];
    const merged = new Map<string, NoticeInput>();
    const targets: Target[] = [];
    const duplicates: DuplicateReport[] = [];
    valid.forEach(({ ligne, notice }, i) => {
      const m = matches[i];
      const earlier = m?.dansLaListe ? (targets[m.dansLaListe.rang] ?? null) : null;
      const target: Target =
        m?.existant && existing.has(m.existant.id) ? { kind: 'existing', id: m.existant.id } : earlier;
      targets.push(target ?? { kind: 'create', rank: creates.length });
      if (!target) {
        creates.push({ id: this.notices.newId(), notice });
        return;
      }
      const motif = m?.existant ? m.existant.motif : (m?.dansLaListe?.motif ?? 'titre_annee');
      duplicates.push({
        ligne,
        titre: notice.titre,
        motif,
        libelle: m?.existant?.libelle ?? m?.dansLaListe?.libelle ?? '',
        notice: target.kind === 'existing' ? target.id : null,
        ligneDoublon: m?.existant || !m?.dansLaListe ? null : (valid[m.dansLaListe.rang]?.ligne ?? null),
        action: mode === 'fusionner' ? 'fusionnee' : 'ignoree',
      });
      if (mode !== 'fusionner') return;
      if (target.kind === 'create') {
        const kept = creates[target.rank] as NoticeWrite;
        kept.notice = fillEmptyFields(kept.notice, notice);
      } else {
        const base =
          merged.get(target.id) ?? ((existing.get(target.id) as NoticeRow).document as NoticeInput);
        merged.set(target.id, fillEmptyFields(base, notice));
      }
    });
    const changes: NoticeChange[] = [];
    let unchanged = 0;
    for (const [id, notice] of merged) {
      const current = existing.get(id) as NoticeRow;
      if (sameContent(notice, current.document)) unchanged++;
      else changes.push({ id, notice, current });
    }
    return { creates, changes, unchanged, duplicates };
  }
}

/** « (lignes 3, 17…) » : where the notices left out start, the first ten. */
function linesOf(lines: number[]): string {
  if (lines.length === 0) return '';
  const shown = lines.slice(0, 10).join(', ');
  return ` (ligne${lines.length > 1 ? 's' : ''} ${shown}${lines.length > 10 ? '…' : ''})`;
}

export function tooLarge(): AppError {
  return new AppError(
    'too_large',
    `Fichier trop volumineux : ${MAX_NOTICE_IMPORT_BYTES / 1024 / 1024} Mo au plus par import ; découpez-le`,
  );
}
