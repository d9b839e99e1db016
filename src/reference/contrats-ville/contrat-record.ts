import { isStorableText, UNSTORABLE_TEXT } from '../../domain/kernel/storable-text.ts';
import { z } from '../../domain/zod-fr.ts';
import { asCode, countSchema, departementCodeSchema } from '../fields.ts';
import { type IssueList, parseCount, pick } from '../import-report.ts';

/** One territory of a contrat de ville as read from the source, before it is checked. */
export interface ContratDraft {
  position: number;
  code: string;
  /** Null when the source has no usable label: the territory's name is used. */
  nom: string | null;
  territoire: string;
  departement: string | null;
  population: number | null;
  keys: Record<keyof typeof CONTRAT_FIELDS, string>;
}

/** Field names of the ANCT publication (codgeo, code_cv, lib_cv, insee_dep, pop) and close variants. */
export const CONTRAT_FIELDS = {
  code: ['code_cv', 'CODE_CV', 'code_contrat', 'code'],
  nom: ['lib_cv', 'LIB_CV', 'nom_cv', 'nom', 'libelle'],
  territoire: ['codgeo', 'CODGEO', 'code_territoire', 'siren_epci', 'insee_com'],
  departement: ['insee_dep', 'INSEE_DEP', 'dep', 'departement', 'code_departement'],
  population: ['pop', 'population', 'pop_qpv', 'POP'],
} as const;

// "01 - CC Bugey Sud": the label starts with the département, already known from its own field.
const DEPARTEMENT_PREFIX = /^\s*(\d{2,3}|2[AB]|NA)\s+-\s+/i;
const MISSING = new Set(['', 'NA', 'N/A', 'NULL']);

const optional = (v: unknown) => (typeof v === 'string' && MISSING.has(v.trim().toUpperCase()) ? null : v);

const recordSchema = z.object({
  code: z.preprocess(
    (v) => (typeof v === 'string' ? v.trim().toUpperCase() : v),
    z.string({ error: 'code du contrat manquant' }).regex(/^[A-Z]{2}[0-9A-Z]{1,12}$/, {
      error: (iss) => `code de contrat de ville mal formé : « ${String(iss.input)} »`,
    }),
  ),
  nom: z.preprocess(
    (v) => (typeof v === 'string' ? optional(v.replace(DEPARTEMENT_PREFIX, '').trim()) : v),
    z
      .string()
      .max(300, 'libellé trop long (300 caractères au plus)')
      .refine(isStorableText, `libellé : ${UNSTORABLE_TEXT}`)
      .nullable(),
  ),
  territoire: z.preprocess(
    (v) => asCode(v, 5),
    z.string({ error: 'territoire du contrat manquant' }).regex(/^(\d{5}|2[AB]\d{3}|\d{9})$/, {
      error: (iss) =>
        `« ${String(iss.input)} » : code commune INSEE (5 caractères) ou SIREN d’EPCI (9 chiffres) attendu`,
    }),
  ),
  departement: z.preprocess(optional, departementCodeSchema.nullable()),
  population: countSchema,
});

/** Properties of one contract territory (GeoJSON feature, CSV row) → draft, or issues naming the source fields. */
export function mapContratRecord(
  position: number,
  record: Record<string, unknown>,
  issues: IssueList,
): ContratDraft | null {
  const found = Object.fromEntries(
    Object.entries(CONTRAT_FIELDS).map(([field, aliases]) => [field, pick(record, aliases)]),
  ) as Record<keyof typeof CONTRAT_FIELDS, ReturnType<typeof pick>>;
  const keys = Object.fromEntries(
    Object.entries(CONTRAT_FIELDS).map(([field, aliases]) => [
      field,
      found[field as keyof typeof CONTRAT_FIELDS]?.key ?? aliases[0],
    ]),
  ) as ContratDraft['keys'];
  const count = parseCount(found.population?.value);
  const parsed = recordSchema.safeParse({
    code: found.code?.value,
    nom: found.nom?.value ?? null,
    territoire: found.territoire?.value,
    departement: found.departement?.value ?? null,
    population: count === undefined ? String(found.population?.value) : count,
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? '');
      issues.add(position, keys[field as keyof typeof keys] ?? (field || '(valeur)'), issue.message);
    }
    return null;
  }
  return { position, ...parsed.data, keys };
}
