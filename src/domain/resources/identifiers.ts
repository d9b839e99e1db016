import { foldText } from '../text/normalize.ts';

/** Keys that identify the same document whatever its spelling: what duplicate detection compares. */

/** `https://doi.org/10.1/X`, `doi:10.1/X` and `10.1/x` are one DOI (DOIs ignore case). */
export function normalizeDoi(doi: string): string {
  return doi
    .trim()
    .replace(/^https?:\/\/(dx\.)?doi\.org\//i, '')
    .replace(/^doi:\s*/i, '')
    .toLowerCase();
}

/** Scheme, `www.`, case of the host, trailing slash and fragment do not make another page. */
export function urlKey(url: string): string | null {
  try {
    const u = new URL(url.trim());
    const host = u.hostname.toLowerCase().replace(/^www\./, '');
    const path = u.pathname.replace(/\/+$/, '');
    return `${host}${u.port ? `:${u.port}` : ''}${path}${u.search}`;
  } catch {
    return null;
  }
}

/** Title folded (case, accents, punctuation): "L’accès aux soins !" = "l acces aux soins". */
export function titleKey(title: string): string {
  return foldText(title);
}

export function yearOf(date: string | null | undefined): number | null {
  const m = /^(\d{4})/.exec(date ?? '');
  return m ? Number(m[1]) : null;
}

/**
 * An ISSN or ISBN as files write them (PubMed adds « (Print) », others list several separated by « ; »,
 * Mendeley spaces an ISBN's groups): the first one, an ISBN's spaces turned into hyphens. Null when
 * the value is neither.
 */
export function standardNumber(value: string): { kind: 'ISSN' | 'ISBN'; value: string } | null {
  const first = (value.split(/[;,(]/)[0] as string).trim();
  if (/^\d{4}-?\d{3}[\dXx]$/.test(first)) return { kind: 'ISSN', value: first.toUpperCase() };
  const digits = first.replace(/[-\s]/g, '');
  if (/^(\d{9}[\dXx]|\d{13})$/.test(digits)) {
    return { kind: 'ISBN', value: first.replace(/\s+/g, '-').replace(/-{2,}/g, '-') };
  }
  return null;
}
