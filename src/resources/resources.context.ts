import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
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

/** Services of the resource centre, built over one database (wired into the application context). */
export interface ResourceServices {
  notices: NoticeService;
  search: NoticeSearchService;
  exports: NoticeExportService;
  imports: NoticeImportService;
  glossary: GlossaryService;
  /** Reverts a change set of notices (`POST /api/lots/{id}/annuler`). */
  lotReverter: NoticeLotReverter;
}

export function createResourceServices(db: Kysely<DB>): ResourceServices {
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
  };
}
