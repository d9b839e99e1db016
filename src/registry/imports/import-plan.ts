import type { ImportIssue } from '../../domain/kernel/import-issue.ts';
import type { ImportColumn } from '../../domain/registry/import-columns.ts';
import { columnOfPath, type ImportCells, validateImportRow } from '../../domain/registry/import-row.ts';
import type { DynamicInput } from '../../domain/registry/schemas.ts';
import type { TerritoryLookup } from '../../domain/registry/territory-lookup.ts';
import { foldText } from '../../domain/text/normalize.ts';
import type { ProgressReporter } from '../../kernel/progress.ts';
import type { RawRow, RawTable } from '../../kernel/tabular/raw-table.ts';
import { yieldToEventLoop } from '../../lib/event-loop.ts';
import type { DynamicWriter } from '../dynamic-writer.ts';
import type { DynamicRow } from '../registry.repository.ts';
import type { HeaderMap } from './import-header.ts';

export type PlannedWrite =
  | { kind: 'create'; line: number; input: DynamicInput }
  | { kind: 'update'; line: number; input: DynamicInput; current: DynamicRow };

export interface ImportPlan {
  lignes: number;
  errors: ImportIssue[];
  writes: PlannedWrite[];
  unchanged: number;
  /** Rows without `id` recognised as an existing dynamic, which they update. */
  matches: { ligne: number; id: string; nom: string }[];
}

export interface PlanDeps {
  lookup: TerritoryLookup;
  writer: DynamicWriter;
  today: string;
  /** Stored records named in the `id` column. */
  existing: Map<string, DynamicRow>;
  /** Stored records by `nameKey(type, nom)`, for the rows without `id`. */
  sameName?: Map<string, DynamicRow[]>;
  progress?: ProgressReporter | undefined;
}

const ROW = '(ligne)';

const isBlank = (r: RawRow) => r.cells.every((c) => c.trim() === '');

/** Validates every row against the schema and the reference; nothing is written here. */
export async function planImport(table: RawTable, header: HeaderMap, deps: PlanDeps): Promise<ImportPlan> {
  const rows = table.rows.filter((r) => !isBlank(r));
  const plan: ImportPlan = { lignes: rows.length, errors: [], writes: [], unchanged: 0, matches: [] };
  const seenIds = new Map<string, number>();
  for (const [i, row] of rows.entries()) {
    const errors = await planRow(row, table, header, deps, seenIds, plan);
    plan.errors.push(...errors.map((e) => ({ ligne: row.line, ...e })));
    if (i % 50 === 49 || i === rows.length - 1) {
      deps.progress?.({ step: 'vérification', done: i + 1, total: rows.length });
      await yieldToEventLoop();
    }
  }
  return plan;
}

async function planRow(
  row: RawRow,
  table: RawTable,
  header: HeaderMap,
  deps: PlanDeps,
  seenIds: Map<string, number>,
  plan: ImportPlan,
): Promise<{ champ: string; message: string }[]> {
  // A row the header's separator did not split, though it holds the other one: a mixed file.
  const other = /[;,]/.exec(row.cells.length === 1 ? (row.cells[0] ?? '') : '')?.[0];
  if (table.format === 'csv' && header.columns.length > 1 && other) {
    return [
      {
        champ: ROW,
        message: `ligne non découpée en colonnes : elle contient « ${other} » mais pas le séparateur de l’en-tête`,
      },
    ];
  }
  const errors: { champ: string; message: string }[] = [];
  const beyond = row.cells.slice(header.columns.length).filter((c) => c.trim() !== '');
  if (beyond.length > 0) {
    errors.push({
      champ: ROW,
      message: `${beyond.length} valeur(s) au-delà des ${header.columns.length} colonnes de l’en-tête`,
    });
  }
  const cells: ImportCells = {};
  header.columns.forEach((column, i) => {
    if (column) cells[column as ImportColumn] = row.cells[i] ?? '';
  });
  const id = (cells.id ?? '').trim();
  const version = (cells.version ?? '').trim();
  delete cells.id;
  delete cells.version;
  let current: DynamicRow | undefined;
  if (id) {
    current = deps.existing.get(id);
    const previous = seenIds.get(id);
    if (!current) errors.push({ champ: 'id', message: `dynamique inconnue : ${id}` });
    else if (previous) errors.push({ champ: 'id', message: `dynamique déjà modifiée ligne ${previous}` });
    seenIds.set(id, previous ?? row.line);
    const stale = current && versionConflict(version, current);
    if (stale) errors.push({ champ: 'version', message: stale });
  }
  const existingDoc = (current?.document as DynamicInput | undefined) ?? null;
  if (id && !current) return errors;
  const {
    input,
    candidate,
    errors: rowErrors,
  } = validateImportRow(cells, {
    lookup: deps.lookup,
    today: deps.today,
    existing: existingDoc,
  });
  errors.push(...rowErrors.map(({ champ, message }) => ({ champ, message })));
  // Reference checks run even on an invalid row, so that one pass reports everything.
  const reported = new Set(rowErrors.map((e) => e.path));
  const refs = await deps.writer.check(input ?? referencesOnly(candidate), current?.id ?? null);
  for (const [key, message] of Object.entries(refs)) {
    if (!reported.has(key)) errors.push({ champ: columnOfPath(key.split('.')), message });
  }
  if (!input || errors.length > 0) return errors;
  if (!current) {
    // The same kind and name on the same territory as a stored dynamic: this row updates it.
    const match = sameDynamic(input, deps.sameName?.get(nameKey(input.type, input.nom)) ?? []);
    if (match === 'ambiguous') {
      return [
        {
          champ: 'nom',
          message:
            `plusieurs dynamiques « ${input.nom} » de ce type sur ce territoire : indiquez laquelle ` +
            'modifier dans la colonne id',
        },
      ];
    }
    if (match) {
      const previous = seenIds.get(match.id);
      if (previous)
        return [{ champ: 'nom', message: `dynamique « ${match.nom} » déjà modifiée ligne ${previous}` }];
      seenIds.set(match.id, row.line);
      const again = validateImportRow(cells, {
        lookup: deps.lookup,
        today: deps.today,
        existing: match.document as DynamicInput,
      });
      if (!again.input) return again.errors.map(({ champ, message }) => ({ champ, message }));
      plan.matches.push({ ligne: row.line, id: match.id, nom: match.nom });
      if (sameDocument(match.document, again.input)) plan.unchanged++;
      else plan.writes.push({ kind: 'update', line: row.line, input: again.input, current: match });
      return errors;
    }
  }
  if (current) {
    if (sameDocument(existingDoc, input)) plan.unchanged++;
    else plan.writes.push({ kind: 'update', line: row.line, input, current });
  } else {
    plan.writes.push({ kind: 'create', line: row.line, input });
  }
  return errors;
}

/** Key of a kind and a name whatever their case, accents and spacing. */
export function nameKey(type: string, nom: string): string {
  return `${type.trim().toUpperCase()}|${foldText(nom)}`;
}

/** The stored dynamic of that name whose entered perimeter shares a territory with the row's, if one. */
function sameDynamic(input: DynamicInput, candidates: DynamicRow[]): DynamicRow | 'ambiguous' | null {
  const entered = (p: DynamicInput['perimetre']) =>
    new Set([
      ...p.communes.map((c) => `c:${c}`),
      ...p.epci.map((c) => `e:${c}`),
      ...p.departements.map((c) => `d:${c}`),
      ...p.qpv.map((c) => `q:${c}`),
    ]);
  const mine = entered(input.perimetre);
  const found = candidates.filter((c) => {
    const theirs = entered((c.document as DynamicInput).perimetre);
    return [...theirs].some((t) => mine.has(t));
  });
  if (found.length > 1) return 'ambiguous';
  return found[0] ?? null;
}

/**
 * The row was read at `version` (an export writes it): a record modified since is refused rather than
 * overwritten. Without a version, the row applies to the stored record as it is.
 */
function versionConflict(version: string, current: DynamicRow): string | null {
  if (version === '') return null;
  if (!/^\d+$/.test(version)) return `version invalide : « ${version} » (nombre entier attendu)`;
  if (Number(version) === current.version) return null;
  return (
    `la dynamique « ${current.nom} » a été modifiée depuis la lecture du fichier (version ${version} ` +
    `dans le fichier, ${current.version} enregistrée) : exportez-la de nouveau et reportez-y vos changements`
  );
}

/** The parts of an invalid row the writer can still check against the reference. */
function referencesOnly(candidate: Record<string, unknown>): DynamicInput {
  const p = (candidate.perimetre ?? {}) as Record<string, unknown>;
  const list = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  return {
    perimetre: {
      communes: list(p.communes),
      epci: list(p.epci),
      departements: list(p.departements),
      qpv: list(p.qpv),
    },
    liens: [],
  } as unknown as DynamicInput;
}

/** Deep equality ignoring key order and null/absent differences. */
export function sameDocument(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(v).sort()) {
      const value = (v as Record<string, unknown>)[key];
      if (value !== null && value !== undefined) out[key] = canonical(value);
    }
    return out;
  }
  return v;
}
