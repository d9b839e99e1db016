import { type CslItem, complementOf, cslToNotice, noticeToCsl } from '../../domain/resources/csl-mapping.ts';
import { type NoticeInput, noticeInput } from '../../domain/resources/schemas.ts';
import type { BibFormat } from './bib-format.ts';
import { bibtexFormat } from './bibtex.ts';
import { cslJsonFormat } from './csl-json.ts';
import { risFormat } from './ris.ts';

export const BIB_FORMATS = { ris: risFormat, bibtex: bibtexFormat, 'csl-json': cslJsonFormat } as const;
export type BibFormatName = keyof typeof BIB_FORMATS;

/** A parsed item as a validated notice, or null when it does not validate. */
function asNotice(item: CslItem | undefined): NoticeInput | null {
  if (!item) return null;
  const parsed = noticeInput.safeParse(cslToNotice(item));
  return parsed.success ? parsed.data : null;
}

/**
 * Notices as CSL items ready to be written in `format`: each carries as complement the fields the
 * format would not give back unchanged, found by writing and reading the items once.
 */
export function itemsFor(format: BibFormat, notices: { id: string; notice: NoticeInput }[]): CslItem[] {
  const items = notices.map(({ id, notice }) => noticeToCsl(id, notice));
  let reread = format
    .parse(format.format(items))
    .filter((r) => !r.outside)
    .map((r) => r.item);
  if (reread.length !== items.length) {
    reread = items.map((item) => format.parse(format.format([item]))[0]?.item);
  }
  return items.map((item, i) => {
    const complement = complementOf((notices[i] as { notice: NoticeInput }).notice, asNotice(reread[i]));
    return Object.keys(complement).length > 0 ? { ...item, custom: { odts: complement } } : item;
  });
}

export function writeNotices(name: BibFormatName, notices: { id: string; notice: NoticeInput }[]): string {
  const format = BIB_FORMATS[name];
  return format.format(itemsFor(format, notices));
}
