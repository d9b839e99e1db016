import { normalizeDoi, titleKey, urlKey, yearOf } from './identifiers.ts';
import type { NoticeInput } from './schemas.ts';

/**
 * Duplicate detection: two notices describe the same document when they share a DOI, a URL, or a
 * title (folded) and a publication year. Merging fills the empty fields of the notice kept.
 */
export type DuplicateReason = 'doi' | 'url' | 'titre_annee';

export interface DuplicateKeys {
  doi: string | null;
  url: string | null;
  title: string;
  year: number | null;
}

export function duplicateKeys(n: {
  titre: string;
  date?: string | null | undefined;
  doi?: string | null | undefined;
  url?: string | null | undefined;
}): DuplicateKeys {
  return {
    doi: n.doi ? normalizeDoi(n.doi) : null,
    url: n.url ? urlKey(n.url) : null,
    title: titleKey(n.titre),
    year: yearOf(n.date),
  };
}

/** Why `a` and `b` are the same document, or null. */
export function duplicateReason(a: DuplicateKeys, b: DuplicateKeys): DuplicateReason | null {
  if (a.doi && a.doi === b.doi) return 'doi';
  if (a.url && a.url === b.url) return 'url';
  if (a.title !== '' && a.title === b.title && a.year === b.year) return 'titre_annee';
  return null;
}

export const DUPLICATE_REASON_LABELS: Record<DuplicateReason, string> = {
  doi: 'même DOI',
  url: 'même URL',
  titre_annee: 'même titre et même année',
};

/** For each item, the first earlier item of the list it duplicates (-1 when none). */
export function duplicatesWithin(keys: readonly DuplicateKeys[]): { of: number; reason: DuplicateReason }[] {
  const seen = new Map<string, number>();
  return keys.map((k, i) => {
    const candidates = [
      k.doi ? `doi:${k.doi}` : null,
      k.url ? `url:${k.url}` : null,
      k.title ? `t:${k.title}|${k.year ?? ''}` : null,
    ];
    let found: { of: number; reason: DuplicateReason } = { of: -1, reason: 'doi' };
    const reasons: DuplicateReason[] = ['doi', 'url', 'titre_annee'];
    candidates.forEach((key, r) => {
      if (!key) return;
      const earlier = seen.get(key);
      if (earlier !== undefined && found.of < 0)
        found = { of: earlier, reason: reasons[r] as DuplicateReason };
    });
    if (found.of < 0) for (const key of candidates) if (key) seen.set(key, i);
    return found;
  });
}

const isEmpty = (v: unknown) =>
  v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

/** `kept` with each of its empty fields taken from `other`; what `kept` states is never overwritten. */
export function fillEmptyFields(kept: NoticeInput, other: NoticeInput): NoticeInput {
  const merged: Record<string, unknown> = { ...kept };
  for (const [field, value] of Object.entries(other)) {
    if (field === 'type' || field === 'langue' || isEmpty(value)) continue;
    if (field === 'sousType' && kept.type !== 'texte_officiel') continue;
    if (field === 'origineResume' && kept.resume) continue;
    const current = merged[field];
    if (isEmpty(current)) merged[field] = value;
    else if (field === 'conteneur' && current && value) {
      const c = { ...(current as Record<string, unknown>) };
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) if (isEmpty(c[k])) c[k] = v;
      merged[field] = c;
    }
  }
  return merged as NoticeInput;
}

/** Same content, whatever the key order: tells an update that changes nothing. */
export function sameContent(a: unknown, b: unknown): boolean {
  return stableJson(a) === stableJson(b);
}

function stableJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`;
  if (v && typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>)
      .filter(([, x]) => x !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${stableJson(x)}`).join(',')}}`;
  }
  return JSON.stringify(v ?? null);
}
