import type { CslItem } from '../../domain/resources/csl-mapping.ts';
import { foldText } from '../../domain/text/normalize.ts';
import {
  type BibFormat,
  complementOf,
  errorMessage,
  type ParsedRecord,
  readComplement,
} from './bib-format.ts';
import { type BibEntry, scanBibtex } from './bibtex/bibtex-scanner.ts';
import { bibEntryToCsl, COMPLEMENT_MARK } from './bibtex/bibtex-to-csl.ts';
import { bibtexEntry } from './bibtex/bibtex-writer.ts';

/** JSON whose braces are all structural (those inside strings written \u007b, \u007d): safe in a field. */
function balancedJson(value: unknown): string {
  return JSON.stringify(value, (_k, v) =>
    typeof v === 'string' ? v.replace(/[{}]/g, (c) => (c === '{' ? '\u0000OB' : '\u0000CB')) : v,
  )
    .replaceAll('\\u0000OB', '\\u007b')
    .replaceAll('\\u0000CB', '\\u007d');
}

/** Readable ASCII letters of a word (accents dropped), for a citation key. */
const keyWord = (text: string | undefined) =>
  foldText(text ?? '')
    .split(' ')
    .map((w) => w.replace(/[^a-z0-9]/g, ''))
    .filter((w) => w.length > 2)[0] ?? '';

const capital = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

/** `NomAnnéeMot`: first author's family name (an organisation's first word), year, title's first word. */
function baseKey(item: CslItem): string {
  const first = item.author?.[0] ?? item.editor?.[0];
  const family = foldText([first?.['non-dropping-particle'], first?.family].filter(Boolean).join(' '))
    .replace(/[^a-z0-9 ]/g, '')
    .split(' ')
    .map(capital)
    .join('');
  const who = family || capital(keyWord(first?.literal)) || 'Anonyme';
  const year = item.issued?.['date-parts']?.[0]?.[0] ?? 'sd';
  return `${who}${year}${capital(keyWord(item.title))}`;
}

/** A short stable suffix drawn from the notice's identifier. */
function idSuffix(id: string): string {
  let h = 2166136261;
  for (const c of id) h = Math.imul(h ^ (c.codePointAt(0) as number), 16777619) >>> 0;
  return h.toString(36).slice(0, 5);
}

/**
 * Citation keys unique in the file and stable: a notice keeps its key from one export to the next;
 * notices sharing a base key are told apart by a suffix drawn from their identifier.
 */
export function citationKeys(items: CslItem[]): string[] {
  const bases = items.map(baseKey);
  const count = new Map<string, number>();
  for (const b of bases) count.set(b, (count.get(b) ?? 0) + 1);
  const used = new Set<string>();
  return bases.map((b, i) => {
    let key = (count.get(b) ?? 0) > 1 ? `${b}-${idSuffix(String(items[i]?.id ?? i))}` : b;
    for (let n = 2; used.has(key); n++) key = `${b}-${n}`;
    used.add(key);
    return key;
  });
}

/**
 * BibTeX and BibLaTeX, read by the tolerant scanner of bibtex/ (one broken entry never hides the
 * others) and citation-js's field mapping; written for classic BibTeX and BibLaTeX at once.
 */
export const bibtexFormat: BibFormat = {
  parse(text: string): ParsedRecord[] {
    const { entries, problems } = scanBibtex(text);
    const out: ParsedRecord[] = [];
    for (const p of problems) {
      if (p.entryLine === undefined) out.push({ ligne: p.line, error: p.message, outside: true });
      else out.push({ ligne: p.line, error: `${p.message} (notice commencée ligne ${p.entryLine})` });
    }
    const byKey = new Map<string, BibEntry>();
    for (const e of entries) if (!byKey.has(e.key.toLowerCase())) byKey.set(e.key.toLowerCase(), e);
    for (const entry of entries) {
      try {
        const { item, lines, complement } = bibEntryToCsl(entry, byKey);
        const extra = readComplement(complement ?? undefined);
        if (extra) item.custom = { odts: extra };
        out.push({ ligne: entry.line, item, lines });
      } catch (e) {
        out.push({ ligne: entry.line, error: `notice BibTeX illisible : ${errorMessage(e)}` });
      }
    }
    return out.sort((a, b) => a.ligne - b.ligne);
  },

  format(items: CslItem[]): string {
    const keys = citationKeys(items);
    return items
      .map((item, i) => {
        const complement = complementOf(item);
        const note = complement ? `${COMPLEMENT_MARK}${balancedJson(complement)}` : null;
        return bibtexEntry(item, keys[i] as string, note);
      })
      .join('\n');
  },
};
