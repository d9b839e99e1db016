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
