import type { BenchDynamic } from './dynamics.ts';

/** The ten columns of the dynamics import format fixed by API.md. */
export const CSV_COLUMNS = [
  'type',
  'nom',
  'statut',
  'communes',
  'epci',
  'departements',
  'qpv',
  'porteur',
  'dateDebut',
  'dateFin',
] as const;

const DEFAULT_STATUS: Record<string, string> = {
  creation: 'en_projet',
  signature: 'actif',
  renouvellement: 'actif',
  reprise: 'actif',
  suspension: 'suspendu',
  arret: 'arrete',
};

/** Status after the last event (the CSV has one status cell, no events). */
export function finalStatus(d: BenchDynamic): string {
  if (d.statut) return d.statut;
  const last = d.evenements?.at(-1);
  return last?.statut ?? DEFAULT_STATUS[last?.type ?? ''] ?? 'actif';
}

function cell(value: string): string {
  return /[;"\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** `;`-separated, UTF-8 with BOM, CRLF (as French spreadsheets save it); list cells joined by `,`. */
export function dynamicsToCsv(dynamics: readonly BenchDynamic[]): string {
  const lines = [CSV_COLUMNS.join(';')];
  for (const d of dynamics) {
    const p = d.perimetre;
    const row = [
      d.type,
      d.nom,
      finalStatus(d),
      p.communes.join(','),
      p.epci.join(','),
      p.departements.join(','),
      p.qpv.join(','),
      d.porteur.nom,
      d.dateDebut,
      d.dateFin ?? '',
    ];
    lines.push(row.map(cell).join(';'));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
