import { rejectUnstorableText } from '../kernel/storable-text.ts';
import { communeCode, csvList, epciCode, isoDateSchema, territoryFilter } from '../registry/schemas.ts';
import { THEMES } from '../resources/vocabulary.ts';
import { CODE_PATTERNS } from '../territories/types.ts';
import { z } from '../zod-fr.ts';
import {
  ACTION_AUDIENCES,
  ACTION_TYPES,
  DETERMINANTS,
  DYNAMIC_ROLES,
  FUNDER_TYPES,
  OTTAWA_AXES,
  PARTNER_TYPES,
  POLICIES,
  PROJECT_STEPS,
  SCALES,
  SETTINGS,
} from './vocabulary.ts';

/** Shared by the API (validation, OpenAPI), the imports and the web client. */

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `${max} caractères au plus`)
    .nullish()
    .transform((v) => (v ? v : null));

const enumOf = <T extends readonly [string, ...string[]]>(values: T, label: string) =>
  z.enum(values, { error: () => `${label} inconnu : valeurs possibles ${values.join(', ')}` });

/** A controlled list: values kept once each, in the order of the vocabulary (stable documents). */
const codeList = <T extends readonly [string, ...string[]]>(values: T, label: string) =>
  z
    .array(enumOf(values, label))
    .max(values.length * 2)
    .default([])
    .transform((list) => values.filter((v) => list.includes(v)) as T[number][]);

const qpvCode = z.string().regex(CODE_PATTERNS.qpv, 'code de QPV attendu');
const unique = <T>(list: T[]) => [...new Set(list)];

export const actionTerritory = z
  .object({
    communes: z.array(communeCode).max(2000, '2 000 communes au plus').default([]),
    epci: z.array(epciCode).max(200).default([]),
    qpv: z.array(qpvCode).max(500).default([]),
  })
  .strict()
  .transform((t) => ({ communes: unique(t.communes), epci: unique(t.epci), qpv: unique(t.qpv) }));
export type ActionTerritory = z.output<typeof actionTerritory>;

export const dynamicInvolvement = z
  .object({
    id: z.string().trim().min(1, 'identifiant de dynamique obligatoire').max(64, 'identifiant trop long'),
    role: enumOf(DYNAMIC_ROLES, 'rôle'),
  })
  .strict();

export const funderSchema = z
  .object({
    type: enumOf(FUNDER_TYPES, 'type de financeur'),
    nom: optionalText(300),
    montant: z
      .number({ error: 'montant attendu en euros (nombre)' })
      .min(0, 'le montant ne peut pas être négatif')
      .max(1e9, 'montant trop élevé')
      .nullish()
      .transform((v) => v ?? null),
  })
  .strict();
export type Funder = z.output<typeof funderSchema>;

export const partnerSchema = z
  .object({
    nom: z
      .string({ error: 'nom du partenaire obligatoire' })
      .trim()
      .min(1, 'nom du partenaire obligatoire')
      .max(300),
    type: enumOf(PARTNER_TYPES, 'type de partenaire')
      .nullish()
      .transform((v) => v ?? null),
  })
  .strict();

const idList = (label: string, max: number) =>
  z
    .array(z.string().trim().min(1).max(64, `identifiant de ${label} trop long`))
    .max(max)
    .default([])
    .transform(unique);

export const actionInput = z
  .object({
    type: enumOf(ACTION_TYPES, 'type'),
    titre: z
      .string({ error: 'titre obligatoire' })
      .trim()
      .min(1, 'titre obligatoire')
      .max(500, '500 caractères au plus'),
    resume: optionalText(10_000),
    territoire: actionTerritory.default({ communes: [], epci: [], qpv: [] }),
    echelle: enumOf(SCALES, 'échelle')
      .nullish()
      .transform((v) => v ?? null),
    /** Suggested from the reference when absent (see `suggestSetting`), then stored as entered. */
    milieu: enumOf(SETTINGS, 'milieu')
      .nullish()
      .transform((v) => v ?? null),
    /** In a QPV or not; when absent, true exactly when QPV are named in the territory. */
    qpv: z.boolean({ error: 'qpv : true ou false' }).nullish(),
    publics: codeList(ACTION_AUDIENCES, 'public'),
    dynamiques: z.array(dynamicInvolvement).max(50, '50 dynamiques au plus').default([]),
    financeurs: z.array(funderSchema).max(50, '50 financeurs au plus').default([]),
    partenaires: z.array(partnerSchema).max(100, '100 partenaires au plus').default([]),
    /** The city (elected members, municipal services) takes part; when absent, a « commune » partner says so. */
    impliqueVille: z.boolean({ error: 'impliqueVille : true ou false' }).nullish(),
    politiques: codeList(POLICIES, 'politique'),
    axesOttawa: codeList(OTTAWA_AXES, 'axe de la charte d’Ottawa'),
    etapes: codeList(PROJECT_STEPS, 'étape'),
    themes: codeList(THEMES, 'thème'),
    determinants: codeList(DETERMINANTS, 'déterminant'),
    debut: isoDateSchema.nullish().transform((v) => v ?? null),
    fin: isoDateSchema.nullish().transform((v) => v ?? null),
    evaluation: optionalText(5000),
    resultats: optionalText(5000),
    /** Notices of the resource centre about this action. */
    ressources: idList('notice', 100),
  })
  .strict()
  .superRefine(rejectUnstorableText)
  .superRefine((a, ctx) => {
    if (a.debut && a.fin && a.fin < a.debut) {
      ctx.addIssue({ code: 'custom', path: ['fin'], message: 'la fin précède le début' });
    }
    const seen = new Set<string>();
    a.dynamiques.forEach((d, i) => {
      if (seen.has(d.id)) {
        ctx.addIssue({ code: 'custom', path: ['dynamiques', i, 'id'], message: 'dynamique citée deux fois' });
      }
      seen.add(d.id);
    });
  })
  .transform((a) => ({
    ...a,
    qpv: a.qpv ?? a.territoire.qpv.length > 0,
    impliqueVille: a.impliqueVille ?? a.partenaires.some((p) => p.type === 'commune'),
  }));
export type ActionInput = z.output<typeof actionInput>;
export type ActionInputRaw = z.input<typeof actionInput>;

const yesNo = z
  .enum(['true', 'false', 'oui', 'non'], { error: () => 'valeur attendue : true ou false' })
  .transform((v) => v === 'true' || v === 'oui');

const year = (label: string) =>
  z.coerce
    .number({ error: `${label} : année attendue` })
    .int(`${label} : année attendue`)
    .min(1900, `${label} : année attendue`)
    .max(2100, `${label} : année attendue`);

/** Filters of the search, the analyses and the export: every field of the grid. */
export const actionFilterShape = {
  q: z.string().trim().max(200, 'la recherche ne peut pas dépasser 200 caractères').optional(),
  type: csvList(ACTION_TYPES, 'type').optional(),
  echelle: csvList(SCALES, 'échelle').optional(),
  milieu: csvList(SETTINGS, 'milieu').optional(),
  qpv: yesNo.optional(),
  impliqueVille: yesNo.optional(),
  public: csvList(ACTION_AUDIENCES, 'public').optional(),
  financeur: csvList(FUNDER_TYPES, 'financeur').optional(),
  partenaire: csvList(PARTNER_TYPES, 'type de partenaire').optional(),
  politique: csvList(POLICIES, 'politique').optional(),
  axe: csvList(OTTAWA_AXES, 'axe').optional(),
  etape: csvList(PROJECT_STEPS, 'étape').optional(),
  theme: csvList(THEMES, 'thème').optional(),
  determinant: csvList(DETERMINANTS, 'déterminant').optional(),
  /** Kind of a dynamic involved (ASV, CLS…). */
  dispositif: z
    .string()
    .max(200)
    .regex(/^[A-Z_]+(,[A-Z_]+)*$/, 'types de dynamiques séparés par des virgules, par exemple ASV,CLS')
    .transform((s) => s.split(','))
    .optional(),
  role: csvList(DYNAMIC_ROLES, 'rôle').optional(),
  dynamique: z.string().trim().min(1).max(64, 'identifiant trop long').optional(),
  ressource: z.string().trim().min(1).max(64, 'identifiant trop long').optional(),
  territoire: territoryFilter.optional(),
  region: z
    .string()
    .regex(/^\d{2}$/, 'code de région à 2 chiffres')
    .optional(),
  departement: z.string().regex(CODE_PATTERNS.departement, 'code de département attendu').optional(),
  anneeMin: year('anneeMin').optional(),
  anneeMax: year('anneeMax').optional(),
  enCours: yesNo.optional(),
};

const yearsInOrder = (q: { anneeMin?: number | undefined; anneeMax?: number | undefined }) =>
  q.anneeMin === undefined || q.anneeMax === undefined || q.anneeMin <= q.anneeMax;
const YEARS_MESSAGE = { message: 'anneeMin dépasse anneeMax', path: ['anneeMin'] };

export const actionFilters = z.object(actionFilterShape).refine(yearsInOrder, YEARS_MESSAGE);
export type ActionFilters = z.infer<typeof actionFilters>;

export const ACTION_SORTS = ['titre', 'debut', 'modification'] as const;
export type ActionSort = (typeof ACTION_SORTS)[number];

export const actionSearchQuery = z
  .object({
    ...actionFilterShape,
    tri: z.enum(ACTION_SORTS, { error: () => 'tri : titre, debut ou modification' }).default('titre'),
    page: z.coerce.number().int().min(1, 'page commence à 1').max(100_000).default(1),
    limit: z.coerce
      .number()
      .int()
      .min(1, 'limit doit être au moins 1')
      .max(1000, 'limit ne peut pas dépasser 1000')
      .default(20),
    format: z.enum(['json', 'csv', 'xlsx'], { error: () => 'format : json, csv ou xlsx' }).default('json'),
  })
  .refine(yearsInOrder, YEARS_MESSAGE);
export type ActionSearchQuery = z.infer<typeof actionSearchQuery>;

export const actionIdParams = z.object({ id: z.string().min(1).max(64, 'identifiant trop long') });

export const actionImportQuery = z.object({
  dryRun: z
    .enum(['true', 'false', '1', '0'], { error: () => 'dryRun : true ou false' })
    .default('false')
    .transform((v) => v === 'true' || v === '1'),
});

/** `GET /api/actions/milieu`: the territory whose setting is suggested. */
export const settingSuggestionQuery = z.object({
  communes: z
    .string()
    .max(20_000)
    .optional()
    .transform((s) =>
      s
        ? s
            .split(',')
            .map((c) => c.trim())
            .filter(Boolean)
        : [],
    ),
  epci: z
    .string()
    .max(4000)
    .optional()
    .transform((s) =>
      s
        ? s
            .split(',')
            .map((c) => c.trim())
            .filter(Boolean)
        : [],
    ),
  qpv: z
    .string()
    .max(8000)
    .optional()
    .transform((s) =>
      s
        ? s
            .split(',')
            .map((c) => c.trim())
            .filter(Boolean)
        : [],
    ),
});

/** `GET /api/rapports/actions`: the grid figures of the filtered actions as a document. */
export const actionsSummaryQuery = z
  .object({ ...actionFilterShape, format: z.enum(['pdf', 'docx', 'html']).default('html') })
  .refine(yearsInOrder, YEARS_MESSAGE);
export type ActionsSummaryQuery = z.infer<typeof actionsSummaryQuery>;
