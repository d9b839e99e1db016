import type { Kysely } from 'kysely';
import { DEFAULT_CHROMIUM_PATH } from '../config.ts';
import type { DB } from '../db/schema.ts';
import type { NoticeInput } from '../domain/resources/schemas.ts';
import { ChangeSetRepository } from '../kernel/changesets/change-set.repository.ts';
import type { RevertableKind } from '../kernel/changesets/revertable-kind.ts';
import { type DocumentIdentity, NEUTRAL_IDENTITY } from '../kernel/documents/house-style.ts';
import { PdfRenderer } from '../kernel/documents/pdf-renderer.ts';
import { HistoryRepository } from '../kernel/history/history.repository.ts';
import { NoticeExportService } from './exports/notice-export.service.ts';
import { GlossaryRepository } from './glossary/glossary.repository.ts';
import { GlossaryService } from './glossary/glossary.service.ts';
import { NoticeImportService } from './imports/notice-import.service.ts';
import { NoticeMergeService } from './merge/notice-merge.service.ts';
import { NoticePairsRepository } from './merge/notice-pairs.repository.ts';
import { NoticeRepository, type NoticeRow } from './notice.repository.ts';
import { NoticeService } from './notice.service.ts';
import { NoticeIndexRepository } from './notice-index.repository.ts';
import { noticeRevert } from './notice-revert.ts';
import { NoticeSearchService } from './notice-search.service.ts';
import { SelectionRepository } from './selections/selection.repository.ts';
import { SelectionService } from './selections/selection.service.ts';
import { SelectionRenderer } from './selections/selection-render.ts';

/** Services of the resource centre, built over one database (wired into the application context). */
export interface ResourceServices {
  notices: NoticeService;
  search: NoticeSearchService;
  exports: NoticeExportService;
  imports: NoticeImportService;
  glossary: GlossaryService;
  /** How change sets of notices are reverted (`POST /api/lots/{id}/annuler`). */
  noticeRevert: RevertableKind<NoticeRow, NoticeInput>;
  selections: SelectionService;
  /** Candidate duplicates among stored notices, merged field by field. */
  merges: NoticeMergeService;
}

/** `pdf`: the application's Chromium printer, shared with the reports. */
export function createResourceServices(
  db: Kysely<DB>,
  pdf: PdfRenderer = new PdfRenderer(DEFAULT_CHROMIUM_PATH),
  identity: DocumentIdentity = NEUTRAL_IDENTITY,
): ResourceServices {
  const repo = new NoticeRepository(db);
  const search = new NoticeSearchService(new NoticeIndexRepository(db), repo);
  const glossary = new GlossaryService(new GlossaryRepository(db), new HistoryRepository(db));
  const notices = new NoticeService(
    repo,
    new HistoryRepository(db),
    new ChangeSetRepository(db),
    () => search.markChanged(),
    () => glossary.linker(),
  );
  const selectionRepo = new SelectionRepository(db);
  return {
    notices,
    merges: new NoticeMergeService(
      new NoticePairsRepository(db),
      repo,
      selectionRepo,
      new HistoryRepository(db),
      notices,
      () => search.markChanged(),
    ),
    search,
    exports: new NoticeExportService(search, notices),
    imports: new NoticeImportService(notices, repo),
    glossary,
    noticeRevert: noticeRevert(repo, () => search.markChanged()),
    selections: new SelectionService(
      selectionRepo,
      repo,
      new HistoryRepository(db),
      new SelectionRenderer(pdf, identity),
    ),
  };
}
