import { foldText } from '../text/normalize.ts';
import type { ImportColumn } from './import-columns.ts';
import { STATUS_LABELS, STATUSES, type Status } from './kinds.ts';
import { type DynamicInput, dynamicInput } from './schemas.ts';
import type { Resolution, TerritoryLookup } from './territory-lookup.ts';
import { statusAt } from './timeline.ts';

/** The cells of one data row, keyed by the columns present in the file (absent column = no key). */
export type ImportCells = Partial<Record<ImportColumn, string>>;

export interface FieldError {
  champ: string;
  message: string;
  /** Path in the input, when the error comes from the schema (e.g. `perimetre.qpv.0`). */
  path?: string;
}

export interface RowContext {
  lookup: TerritoryLookup;
  today: string;
  /** The stored record when the row modifies one (column `id`). */
  existing?: DynamicInput | null;
}

const PERIMETER_COLUMNS = ['communes', 'epci', 'departements', 'qpv'] as const;
type PerimeterColumn = (typeof PERIMETER_COLUMNS)[number];

const byLabel = new Map<string, Status>(STATUSES.map((s) => [foldText(STATUS_LABELS[s]), s]));

const underscored = (s: string) => foldText(s).replace(/ /g, '_');

function normalizeStatus(cell: string): string {
  const key = underscored(cell);
  if ((STATUSES as readonly string[]).includes(key)) return key;
  return byLabel.get(foldText(cell)) ?? cell;
}

/** ISO dates pass; French dates (JJ/MM/AAAA, as spreadsheets save them) are converted; the rest fails later. */
export function normalizeDate(cell: string): string | null {
  const value = cell.trim();
  if (value === '') return null;
  const fr = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  if (fr) return `${fr[3]}-${(fr[2] as string).padStart(2, '0')}-${(fr[1] as string).padStart(2, '0')}`;
  return value;
}

export function splitList(cell: string): string[] {
  return cell
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Maps a row onto the input shape of the API; name resolution problems come back as field errors. */
export function mapImportRow(
  cells: ImportCells,
  ctx: RowContext,
): { candidate: Record<string, unknown>; errors: FieldError[] } {
  const existing = ctx.existing ?? null;
  const errors: FieldError[] = [];
  const candidate: Record<string, unknown> = existing ? structuredClone(existing) : {};
  const cell = (c: ImportColumn) => (cells[c] ?? '').trim();
  const has = (c: ImportColumn) => c in cells;
  // In a modification an empty type, nom or statut keeps the stored value; other empty cells clear it.
  const keep = (c: ImportColumn) => !has(c) || (existing !== null && cell(c) === '');

  if (!keep('type')) candidate.type = cell('type') ? underscored(cell('type')).toUpperCase() : undefined;
  if (!keep('nom')) candidate.nom = cell('nom');
  if (!keep('statut')) applyStatus(candidate, existing, normalizeStatus(cell('statut')), ctx.today);

  const perimeter = { ...((candidate.perimetre as Record<string, string[]> | undefined) ?? {}) };
  for (const column of PERIMETER_COLUMNS) {
    if (!has(column)) continue;
    const codes: string[] = [];
    for (const token of splitList(cell(column))) {
      const r = resolve(ctx.lookup, column, token);
      if ('error' in r) errors.push({ champ: column, message: r.error });
      else if (!codes.includes(r.code)) codes.push(r.code);
    }
    perimeter[column] = codes;
  }
  candidate.perimetre = perimeter;

  if (has('porteur') || has('porteurType') || has('porteurCode')) {
    const previous = existing?.porteur ?? null;
    const nom = has('porteur') ? cell('porteur') : (previous?.nom ?? '');
    const type = has('porteurType') && cell('porteurType') ? underscored(cell('porteurType')) : null;
    const code = has('porteurCode') ? cell('porteurCode') || null : (previous?.code ?? null);
    if (nom) candidate.porteur = { nom, type: type ?? previous?.type ?? 'autre', code };
    else {
      candidate.porteur = null;
      if (type || code) {
        errors.push({
          champ: 'porteur',
          message: 'nom du porteur obligatoire avec porteurType ou porteurCode',
        });
      }
    }
  }

  if (has('dateDebut')) candidate.dateDebut = normalizeDate(cell('dateDebut'));
  if (has('dateFin')) candidate.dateFin = normalizeDate(cell('dateFin'));

  if (cell('verifieLe')) {
    const par = cell('verifiePar') || existing?.verification?.par || 'import';
    candidate.verification = { date: normalizeDate(cell('verifieLe')), par };
  }

  const titre = cell('source') || cell('sourceUrl');
  if (titre) {
    const source = { titre, url: cell('sourceUrl') || null };
    const sources = (candidate.sources as { titre: string; url?: string | null }[] | undefined) ?? [];
    const known = sources.some((s) => s.titre === source.titre && (s.url ?? null) === source.url);
    candidate.sources = known ? sources : [...sources, source];
  }
  return { candidate, errors };
}

function resolve(lookup: TerritoryLookup, column: PerimeterColumn, token: string): Resolution {
  if (column === 'communes') return lookup.commune(token);
  if (column === 'epci') return lookup.epci(token);
  if (column === 'departements') return lookup.departement(token);
  return { code: token.toUpperCase() };
}

/**
 * A stored record with dated events derives its status from them: a different status in the file
 * becomes an event of today, so that the change really shows.
 */
function applyStatus(
  candidate: Record<string, unknown>,
  existing: DynamicInput | null,
  statut: string,
  today: string,
) {
  if (!existing || existing.evenements.length === 0) {
    candidate.statut = statut || undefined;
    return;
  }
  if (statusAt(existing, today) === statut) return;
  candidate.evenements = [
    ...existing.evenements,
    { date: today, type: 'autre', statut, note: 'statut modifié par import' },
  ];
}

/** The column a field path of the input (zod issue path, writer error key) comes from. */
export function columnOfPath(path: readonly PropertyKey[]): string {
  const [head, second, third] = path.map(String);
  if (head === 'perimetre') return second && Number.isNaN(Number(second)) ? second : 'perimetre';
  if (head === 'porteur')
    return second === 'type' ? 'porteurType' : second === 'code' ? 'porteurCode' : 'porteur';
  if (head === 'sources') return third === 'url' ? 'sourceUrl' : 'source';
  return path.map(String).join('.') || '(ligne)';
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = root;
  for (const k of path) v = v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined;
  return v;
}

/**
 * The schema's whole-record rules only run once every field is valid; a file deserves them at once.
 * An empty perimeter is not reported when its names could not be resolved (already explained).
 */
function wholeRecordErrors(candidate: Record<string, unknown>, found: FieldError[]): FieldError[] {
  const out: FieldError[] = [];
  const p = (candidate.perimetre ?? {}) as Record<string, unknown[] | undefined>;
  const empty = PERIMETER_COLUMNS.every((c) => (p[c]?.length ?? 0) === 0);
  const unresolved = found.some((e) => (PERIMETER_COLUMNS as readonly string[]).includes(e.champ));
  if (empty && !unresolved) {
    out.push({
      champ: 'perimetre',
      message:
        'le périmètre doit contenir au moins un territoire (colonnes communes, epci, departements ou qpv)',
    });
  }
  const events = (candidate.evenements as unknown[] | undefined) ?? [];
  if (!candidate.statut && events.length === 0) {
    out.push({ champ: 'statut', message: 'statut obligatoire pour une création' });
  }
  return out;
}

/** Maps, then validates with the API schema: the row's input, or its errors by column. */
export function validateImportRow(
  cells: ImportCells,
  ctx: RowContext,
): { input: DynamicInput | null; candidate: Record<string, unknown>; errors: FieldError[] } {
  const { candidate, errors } = mapImportRow(cells, ctx);
  const parsed = dynamicInput.safeParse(candidate);
  if (!parsed.success) {
    const seen = new Set<string>();
    for (const issue of parsed.error.issues) {
      const champ = columnOfPath(issue.path);
      const path = issue.path.map(String).join('.');
      if (issue.code === 'custom' && (champ === 'perimetre' || champ === 'statut')) continue;
      if (seen.has(path)) continue; // the first problem of a field is enough, as in the API
      seen.add(path);
      const value = valueAt(candidate, issue.path);
      const shown = typeof value === 'string' && value !== '' ? ` (« ${value} »)` : '';
      errors.push({ champ, message: `${issue.message}${shown}`, path });
    }
  }
  errors.push(...wholeRecordErrors(candidate, errors));
  return { input: parsed.success && errors.length === 0 ? parsed.data : null, candidate, errors };
}
