import type { Kysely } from 'kysely';
import { DEFAULT_CHROMIUM_PATH } from '../config.ts';
import type { DB } from '../db/schema.ts';
import { PdfRenderer } from '../kernel/documents/pdf-renderer.ts';
import { HistoryRepository } from '../registry/history.repository.ts';
import { LotRepository } from '../registry/lots/lot.repository.ts';
import { NoticeExportService } from './exports/notice-export.service.ts';
import { GlossaryRepository } from './glossary/glossary.repository.ts';
import { GlossaryService } from './glossary/glossary.service.ts';
import { NoticeImportService } from './imports/notice-import.service.ts';
import { NoticeRepository } from './notice.repository.ts';
import { NoticeService } from './notice.service.ts';
import { NoticeIndexRepository } from './notice-index.repository.ts';
import { NoticeLotReverter } from './notice-lot-revert.ts';
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
  /** Reverts a change set of notices (`POST /api/lots/{id}/annuler`). */
  lotReverter: NoticeLotReverter;
  selections: SelectionService;
}

/** `pdf`: the application's Chromium printer, shared with the reports. */
export function createResourceServices(
  db: Kysely<DB>,
  pdf: PdfRenderer = new PdfRenderer(DEFAULT_CHROMIUM_PATH),
): ResourceServices {
  const repo = new NoticeRepository(db);
  const search = new NoticeSearchService(new NoticeIndexRepository(db), repo);
  const glossary = new GlossaryService(new GlossaryRepository(db), new HistoryRepository(db));
  const notices = new NoticeService(
    repo,
    new HistoryRepository(db),
    new LotRepository(db),
    () => search.markChanged(),
    () => glossary.linker(),
  );
  return {
    notices,
    search,
    exports: new NoticeExportService(search, notices),
    imports: new NoticeImportService(notices, repo),
    glossary,
    lotReverter: new NoticeLotReverter(repo, new HistoryRepository(db), new LotRepository(db), () =>
      search.markChanged(),
    ),
    selections: new SelectionService(
      new SelectionRepository(db),
      repo,
      new HistoryRepository(db),
      new SelectionRenderer(pdf),
    ),
  };
}
