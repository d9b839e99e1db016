import type { ImportIssue } from '../../domain/kernel/import-issue.ts';
import type { Contributor, NoticeInput } from '../../domain/resources/schemas.ts';
import { foldText } from '../../domain/text/normalize.ts';
import { readCsv } from '../../kernel/tabular/read-csv.ts';
import { toFrenchCsv } from '../../kernel/tabular/write-csv.ts';

/**
 * Notices as a spreadsheet (French Excel convention on export: `;`, UTF-8 with BOM). One column per
 * field; `conteneur` is split into conteneur (title), volume and numero. Lists of names and keywords
 * are separated by « ; », lists of codes by « , ». A person is written « Nom, Prénom », an organisation
 * as its name (between braces when it contains a comma).
 */
export const CSV_COLUMNS = [
  'type',
  'sousType',
  'titre',
  'auteurs',
  'directeurs',
  'conteneur',
  'volume',
  'numero',
  'collection',
  'editeur',
  'lieu',
  'date',
  'pages',
  'etendue',
  'url',
  'consulteLe',
  'doi',
  'isbn',
  'issn',
  'langue',
  'resume',
  'origineResume',
  'disponibilite',
  'motsCles',
  'etiquettes',
  'dispositifs',
  'themes',
  'publics',
  'dynamiques',
  'territoires',
  'actions',
] as const;
type Column = (typeof CSV_COLUMNS)[number];

const NAME_LISTS = new Set<Column>(['auteurs', 'directeurs']);
const TEXT_LISTS = new Set<Column>(['motsCles', 'etiquettes']);
const CODE_LISTS = new Set<Column>(['dispositifs', 'themes', 'publics', 'dynamiques', 'actions']);

function writeName(c: Contributor): string {
  if ('organisation' in c) return /[,;{}]/.test(c.organisation) ? `{${c.organisation}}` : c.organisation;
  return `${c.nom}, ${c.prenom ?? ''}`.trimEnd();
}

function readNames(cell: string): Record<string, unknown>[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of cell) {
    if (ch === '{') depth++;
    if (ch === '}') depth = Math.max(0, depth - 1);
    if (ch === ';' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => {
      const braced = /^\{(.*)\}$/.exec(p);
      if (braced) return { organisation: (braced[1] as string).trim() };
      const comma = p.indexOf(',');
      if (comma < 0) return { organisation: p };
      return { nom: p.slice(0, comma).trim(), prenom: p.slice(comma + 1).trim() || null };
    });
}

function cellOf(n: NoticeInput, column: Column): string | null {
  switch (column) {
    case 'conteneur':
      return n.conteneur?.titre ?? null;
    case 'volume':
      return n.conteneur?.volume ?? null;
    case 'numero':
      return n.conteneur?.numero ?? null;
    case 'territoires':
      return n.territoires.map((t) => `${t.type}:${t.code}`).join(', ');
    default: {
      const value = n[column];
      if (NAME_LISTS.has(column)) return (value as Contributor[]).map(writeName).join(' ; ');
      if (TEXT_LISTS.has(column)) return (value as string[]).join(' ; ');
      if (CODE_LISTS.has(column)) return (value as string[]).join(', ');
      return (value as string | null) ?? null;
    }
  }
}

export function noticesToCsv(notices: { id: string; notice: NoticeInput }[]): string {
  return toFrenchCsv(
    ['id', ...CSV_COLUMNS],
    notices.map(({ id, notice }) => [id, ...CSV_COLUMNS.map((c) => cellOf(notice, c))]),
  );
}

const headerKey = (name: string) => foldText(name).replace(/ /g, '');
const COLUMN_BY_KEY = new Map<string, Column | 'id'>([
  ['id', 'id'],
  ...CSV_COLUMNS.map((c) => [headerKey(c), c] as [string, Column]),
]);

export interface CsvRecord {
  ligne: number;
  raw: Record<string, unknown>;
}

export interface CsvRead {
  records: CsvRecord[];
  problems: ImportIssue[];
}

const split = (cell: string, separator: string) =>
  cell
    .split(separator)
    .map((x) => x.trim())
    .filter(Boolean);

/** Rows as raw notice input (validated by the caller); unknown and missing columns are reported. */
export function readNoticeCsv(bytes: Uint8Array): CsvRead {
  const table = readCsv(bytes);
  if (table.problems.length > 0) return { records: [], problems: table.problems };
  const problems: CsvRead['problems'] = [];
  const columns = table.header.map((name) => {
    const column = COLUMN_BY_KEY.get(headerKey(name));
    if (!column && name.trim() !== '') {
      problems.push({
        ligne: table.headerLine,
        champ: name,
        message: `colonne inconnue « ${name} » : colonnes possibles ${CSV_COLUMNS.join(', ')}`,
      });
    }
    return column ?? null;
  });
  for (const required of ['type', 'titre'] as const) {
    if (!columns.includes(required)) {
      problems.push({
        ligne: table.headerLine,
        champ: required,
        message: `colonne « ${required} » obligatoire`,
      });
    }
  }
  const records = table.rows.map((row) => {
    const raw: Record<string, unknown> = {};
    const container: Record<string, string> = {};
    columns.forEach((column, i) => {
      const cell = (row.cells[i] ?? '').trim();
      if (!column || column === 'id' || cell === '') return;
      if (column === 'conteneur') container.titre = cell;
      else if (column === 'volume' || column === 'numero') container[column] = cell;
      else if (NAME_LISTS.has(column)) raw[column] = readNames(cell);
      else if (TEXT_LISTS.has(column)) raw[column] = split(cell, ';');
      else if (CODE_LISTS.has(column)) raw[column] = split(cell, ',');
      else if (column === 'territoires') {
        raw.territoires = split(cell, ',').map((t) => {
          const [type, ...code] = t.split(':');
          return { type: type?.trim(), code: code.join(':').trim() };
        });
      } else raw[column] = cell;
    });
    if (Object.keys(container).length > 0) raw.conteneur = container;
    return { ligne: row.line, raw };
  });
  return { records, problems };
}
