import type { ActionInput } from './schemas.ts';
import { PARTNER_TYPES } from './vocabulary.ts';

/**
 * Columns of the CSV/XLSX import and export, in file order. Lists of codes are separated by « , »;
 * financeurs and partenaires by « | », each written `type:nom:montant` and `type:nom` (the type may be
 * left out of a partner). `quartiers` holds the QPV codes of the territory, `qpv` says oui or non.
 */
export const ACTION_COLUMNS = [
  'id',
  'type',
  'titre',
  'resume',
  'communes',
  'epci',
  'quartiers',
  'echelle',
  'milieu',
  'qpv',
  'publics',
  'dynamiques',
  'financeurs',
  'partenaires',
  'impliqueVille',
  'politiques',
  'axesOttawa',
  'etapes',
  'themes',
  'determinants',
  'debut',
  'fin',
  'evaluation',
  'resultats',
  'ressources',
] as const;
export type ActionColumn = (typeof ACTION_COLUMNS)[number];

const codes = (cell: string) =>
  cell
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
const entries = (cell: string) =>
  cell
    .split('|')
    .map((s) => s.trim())
    .filter(Boolean);
const orNull = (cell: string) => (cell.trim() === '' ? null : cell.trim());

/** oui/non, true/false, 1/0; anything else is kept as text so that validation names the column. */
function yesNo(cell: string): boolean | string | null {
  const v = cell.trim().toLowerCase();
  if (v === '') return null;
  if (['oui', 'true', '1', 'vrai'].includes(v)) return true;
  if (['non', 'false', '0', 'faux'].includes(v)) return false;
  return cell;
}

function funder(entry: string) {
  const parts = entry.split(':').map((s) => s.trim());
  const type = parts[0] ?? '';
  let montant: number | string | null = null;
  if (parts.length >= 3) {
    const last = (parts.at(-1) as string).replace(/\s/g, '').replace(',', '.');
    if (last === '') parts.pop();
    else if (/^\d+(\.\d+)?$/.test(last)) {
      montant = Number(last);
      parts.pop();
    }
  }
  const nom = parts.slice(1).join(':').trim();
  return { type, nom: nom || null, montant };
}

function partner(entry: string) {
  const colon = entry.indexOf(':');
  const head = colon > 0 ? entry.slice(0, colon).trim() : '';
  if ((PARTNER_TYPES as readonly string[]).includes(head)) {
    return { type: head, nom: entry.slice(colon + 1).trim() };
  }
  return { type: null, nom: entry.trim() };
}

/** A row of the file as an API input (still to validate with `actionInput`). */
export function inputFromRow(cell: (c: ActionColumn) => string): Record<string, unknown> {
  return {
    type: cell('type').trim(),
    titre: cell('titre'),
    resume: orNull(cell('resume')),
    territoire: {
      communes: codes(cell('communes')),
      epci: codes(cell('epci')),
      qpv: codes(cell('quartiers')),
    },
    echelle: orNull(cell('echelle')),
    milieu: orNull(cell('milieu')),
    qpv: yesNo(cell('qpv')),
    publics: codes(cell('publics')),
    dynamiques: codes(cell('dynamiques')).map((d) => {
      const [id, role] = d.split(':').map((s) => s.trim());
      return { id, role: role || 'partenaire' };
    }),
    financeurs: entries(cell('financeurs')).map(funder),
    partenaires: entries(cell('partenaires')).map(partner),
    impliqueVille: yesNo(cell('impliqueVille')),
    politiques: codes(cell('politiques')),
    axesOttawa: codes(cell('axesOttawa')),
    etapes: codes(cell('etapes')),
    themes: codes(cell('themes')),
    determinants: codes(cell('determinants')),
    debut: orNull(cell('debut')),
    fin: orNull(cell('fin')),
    evaluation: orNull(cell('evaluation')),
    resultats: orNull(cell('resultats')),
    ressources: codes(cell('ressources')),
  };
}

/** The column an input path comes from (`financeurs.1.montant` → `financeurs`). */
export function columnOfPath(path: string): ActionColumn | string {
  const [head, second] = path.split('.');
  if (head === 'territoire') return second === 'qpv' ? 'quartiers' : (second ?? 'communes');
  return (ACTION_COLUMNS as readonly string[]).includes(head ?? '') ? (head as ActionColumn) : path;
}

const funderCell = (f: ActionInput['financeurs'][number]) =>
  [f.type, f.nom ?? '', f.montant === null ? '' : String(f.montant)].join(':').replace(/:+$/, '');

/** An action as a row of the export, in the columns' order: it imports back unchanged. */
export function rowFromAction(id: string, a: ActionInput): string[] {
  const values: Record<ActionColumn, string> = {
    id,
    type: a.type,
    titre: a.titre,
    resume: a.resume ?? '',
    communes: a.territoire.communes.join(','),
    epci: a.territoire.epci.join(','),
    quartiers: a.territoire.qpv.join(','),
    echelle: a.echelle ?? '',
    milieu: a.milieu ?? '',
    qpv: a.qpv ? 'oui' : 'non',
    publics: a.publics.join(','),
    dynamiques: a.dynamiques.map((d) => `${d.id}:${d.role}`).join(','),
    financeurs: a.financeurs.map(funderCell).join('|'),
    partenaires: a.partenaires.map((p) => (p.type ? `${p.type}:${p.nom}` : p.nom)).join('|'),
    impliqueVille: a.impliqueVille ? 'oui' : 'non',
    politiques: a.politiques.join(','),
    axesOttawa: a.axesOttawa.join(','),
    etapes: a.etapes.join(','),
    themes: a.themes.join(','),
    determinants: a.determinants.join(','),
    debut: a.debut ?? '',
    fin: a.fin ?? '',
    evaluation: a.evaluation ?? '',
    resultats: a.resultats ?? '',
    ressources: a.ressources.join(','),
  };
  return ACTION_COLUMNS.map((c) => values[c]);
}
