import type { CampaignField } from '@domain/campaigns/vocabulary.ts';
import { STATUS_LABELS, type TimelineStatus } from '@domain/registry/kinds.ts';
import { formatDateShort } from '../../lib/format.ts';
import { CARRIER_LABELS } from '../../lib/labels.ts';

/** A registry or proposed value of a campaign field, in words, for reading three versions side by side. */

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown) => (typeof v === 'string' ? v : v == null ? '' : String(v));

const PERIMETER_PARTS: [string, string, string][] = [
  ['communes', 'commune', 'communes'],
  ['epci', 'EPCI', 'EPCI'],
  ['departements', 'département', 'départements'],
  ['qpv', 'quartier prioritaire', 'quartiers prioritaires'],
];

function perimeter(p: Obj): string {
  const parts = PERIMETER_PARTS.flatMap(([key, one, many]) => {
    const codes = Array.isArray(p[key]) ? (p[key] as string[]) : [];
    if (codes.length === 0) return [];
    const shown = codes.slice(0, 12).join(', ');
    return [`${codes.length > 1 ? many : one} ${shown}${codes.length > 12 ? `… (${codes.length})` : ''}`];
  });
  return parts.join('\n') || '(vide)';
}

function coordination(list: unknown[]): string {
  return (
    list
      .filter(isObj)
      .map((c) => {
        const etp = typeof c.etp === 'number' ? ` — ${c.etp.toLocaleString('fr-FR')} ETP` : '';
        const vacant = c.vacant ? ' — poste vacant' : '';
        const funders =
          Array.isArray(c.financeurs) && c.financeurs.length > 0 ? ` — ${c.financeurs.join(', ')}` : '';
        return `${str(c.intitule)}${etp}${vacant}${funders}`;
      })
      .join('\n') || '(aucun poste)'
  );
}

function contacts(list: unknown[]): string {
  return (
    list
      .filter(isObj)
      .map((c) => [c.nom, c.role, c.email, c.telephone].map(str).filter(Boolean).join(' — '))
      .join('\n') || '(aucun contact)'
  );
}

export function fieldValueText(field: CampaignField, value: unknown): string {
  if (value === null || value === undefined) return '—';
  switch (field) {
    case 'statut': {
      if (!isObj(value)) return str(value);
      const label = STATUS_LABELS[value.valeur as TimelineStatus] ?? str(value.valeur);
      return value.date ? `${label} depuis le ${formatDateShort(str(value.date))}` : label;
    }
    case 'porteur': {
      if (!isObj(value)) return str(value);
      const type = CARRIER_LABELS[value.type as keyof typeof CARRIER_LABELS] ?? str(value.type);
      return `${str(value.nom)} (${type}${value.code ? ` ${str(value.code)}` : ''})`;
    }
    case 'perimetre':
      return isObj(value) ? perimeter(value) : str(value);
    case 'dateDebut':
    case 'dateFin':
      return formatDateShort(str(value));
    case 'coordination':
      return Array.isArray(value) ? coordination(value) : str(value);
    case 'contacts':
      return Array.isArray(value) ? contacts(value) : str(value);
    default:
      return str(value);
  }
}

/** An extra question's answer in words. */
export function answerText(value: unknown): string {
  if (value === null || value === undefined || value === '') return '(sans réponse)';
  if (Array.isArray(value)) return value.join(', ') || '(sans réponse)';
  if (typeof value === 'number') return value.toLocaleString('fr-FR');
  return str(value);
}
