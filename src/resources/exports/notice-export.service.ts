import type { Actor } from '../../domain/actor.ts';
import { AppError } from '../../domain/errors.ts';
import { noticeToCsl } from '../../domain/resources/csl-mapping.ts';
import type { ExportFormat, NoticeExportQuery, NoticeInput } from '../../domain/resources/schemas.ts';
import { bibliographyText } from '../formats/citation.ts';
import { writeNotices } from '../formats/exchange.ts';
import { noticesToCsv } from '../formats/notice-csv.ts';
import type { NoticeService } from '../notice.service.ts';
import type { NoticeSearchService } from '../notice-search.service.ts';

export const MAX_EXPORT = 50_000;

export interface ExportFile {
  contentType: string;
  filename: string;
  body: string;
}

const FILES: Record<ExportFormat, { contentType: string; extension: string }> = {
  ris: { contentType: 'application/x-research-info-systems; charset=utf-8', extension: 'ris' },
  bibtex: { contentType: 'application/x-bibtex; charset=utf-8', extension: 'bib' },
  'csl-json': { contentType: 'application/vnd.citationstyles.csl+json; charset=utf-8', extension: 'json' },
  csv: { contentType: 'text/csv; charset=utf-8', extension: 'csv' },
  texte: { contentType: 'text/plain; charset=utf-8', extension: 'txt' },
};

/** Notices written in a file format; also what a sélection uses to export its references. */
export function formatNotices(
  format: ExportFormat,
  notices: { id: string; notice: NoticeInput }[],
  name = 'ressources',
): ExportFile {
  const { contentType, extension } = FILES[format];
  const filename = `${name}.${extension}`;
  switch (format) {
    case 'csv':
      return { contentType, filename, body: noticesToCsv(notices) };
    case 'texte': {
      const text = bibliographyText(notices.map(({ id, notice }) => noticeToCsl(id, notice)));
      return { contentType, filename, body: text.endsWith('\n') ? text : `${text}\n` };
    }
    default:
      return { contentType, filename, body: writeNotices(format, notices) };
  }
}

/** Exports of the bibliographic base, with the filters of the search. */
export class NoticeExportService {
  constructor(
    private readonly search: NoticeSearchService,
    private readonly notices: NoticeService,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async export(actor: Actor, query: NoticeExportQuery): Promise<ExportFile> {
    const { total, ids } = await this.search.matchingIds(query, MAX_EXPORT);
    if (total > MAX_EXPORT) {
      throw new AppError(
        'too_large',
        `Export trop volumineux : ${total} notices, ${MAX_EXPORT} au plus ; ajoutez des filtres`,
      );
    }
    const presented = await this.notices.getMany(actor, ids);
    const notices = presented.map(({ id, version: _v, creeLe: _c, modifieLe: _m, annee: _a, ...notice }) => ({
      id,
      notice: notice as NoticeInput,
    }));
    const day = this.clock().toISOString().slice(0, 10);
    return formatNotices(query.format, notices, `ressources-${day}`);
  }
}
