export { formatDateLong, formatDateTime, formatInteger, formatPercent } from '@domain/reports/french.ts';

/** "2018-03-01" → "01/03/2018" for tables. */
export function formatDateShort(iso: string | null | undefined): string {
  if (!iso) return '—';
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

/** "1 dynamique", "3 dynamiques". */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n.toLocaleString('fr-FR')} ${n > 1 ? plural : singular}`;
}
