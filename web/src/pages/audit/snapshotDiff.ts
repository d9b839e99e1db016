/**
 * Before/after of a journal entry in words: the fields that changed, each value written out for a
 * person (lists joined, nested records as "clé : valeur" lines) rather than as JSON.
 */

export interface FieldChange {
  field: string;
  before: string;
  after: string;
}

/** Bookkeeping every snapshot carries; a change of version alone is no change of content. */
const BOOKKEEPING = new Set(['id', 'cle', 'version']);

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function scalar(v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'boolean') return v ? 'oui' : 'non';
  if (typeof v === 'number') return v.toLocaleString('fr-FR');
  if (typeof v === 'string') return v;
  return JSON.stringify(v);
}

function inline(o: Record<string, unknown>): string {
  const parts = Object.entries(o)
    .filter(([, v]) => v !== null && v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0))
    .map(
      ([k, v]) =>
        `${k} : ${Array.isArray(v) ? v.map(scalar).join(', ') : isRecord(v) ? `{${inline(v)}}` : scalar(v)}`,
    );
  return parts.join(' ; ');
}

const isEmpty = (v: unknown) =>
  v === null ||
  v === undefined ||
  v === '' ||
  (Array.isArray(v) && v.length === 0) ||
  (isRecord(v) && Object.keys(v).length === 0);

/** One value as text: lists on one line (of scalars) or one line per item (of records). */
export function readable(v: unknown): string {
  if (Array.isArray(v)) {
    if (v.length === 0) return '—';
    return v.every((x) => !isRecord(x))
      ? v.map(scalar).join(', ')
      : v.map((x) => (isRecord(x) ? inline(x) : scalar(x))).join('\n');
  }
  if (isRecord(v)) {
    // Empty parts of a nested record (a perimeter without QPV) say nothing; they are left out.
    const lines = Object.entries(v)
      .filter(([, x]) => !isEmpty(x))
      .map(([k, x]) => `${k} : ${readable(x)}`);
    return lines.length ? lines.join('\n') : '—';
  }
  return scalar(v);
}

/** Stable text of a value, to compare two snapshots whatever the order of their keys. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (isRecord(v))
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`)
      .join(',')}}`;
  return JSON.stringify(v ?? null);
}

/**
 * Fields whose value differs between two snapshots (null for "no record": before a creation, after a
 * deletion), in the order they appear. An absent field and an empty one are the same.
 */
export function diffSnapshots(before: unknown, after: unknown): FieldChange[] {
  const a = isRecord(before) ? before : {};
  const b = isRecord(after) ? after : {};
  const fields = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((f) => !BOOKKEEPING.has(f));
  const changes: FieldChange[] = [];
  for (const field of fields) {
    const x = a[field];
    const y = b[field];
    if (isEmpty(x) && isEmpty(y)) continue;
    if (canonical(x) === canonical(y)) continue;
    changes.push({ field, before: readable(x), after: readable(y) });
  }
  return changes;
}
