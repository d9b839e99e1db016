import { rejectUnstorableText } from '../kernel/storable-text.ts';
import { csvList, isoDateSchema, territoryFilter } from '../registry/schemas.ts';
import { TERRITORY_TYPES } from '../territories/types.ts';
import { z } from '../zod-fr.ts';
import { normalizeDoi } from './identifiers.ts';
import { detectLanguage } from './language.ts';
import { thesaurusTerm } from './thesaurus.ts';
import {
  ABSTRACT_ORIGINS,
  AUDIENCES,
  NOTICE_DISPOSITIFS,
  NOTICE_TYPES,
  type NoticeDispositif,
  OFFICIAL_TEXT_KINDS,
  THEMES,
} from './vocabulary.ts';

/** Shared by the API (validation, OpenAPI), the imports, the CLI and the web client. */

const text = (max: number) => z.string().trim().max(max, `${max} caractères au plus`);
const optionalText = (max: number) =>
  text(max)
    .nullish()
    .transform((v) => (v ? v : null));

const enumOf = <T extends readonly [string, ...string[]]>(values: T, label: string) =>
  z.enum(values, { error: () => `${label} inconnu : valeurs possibles ${values.join(', ')}` });

/** A person (nom, prénom) or an organisation; exactly one of `nom` and `organisation`. */
export const contributorSchema = z
  .object({
    nom: optionalText(200),
    prenom: optionalText(200),
    organisation: optionalText(300),
  })
  .strict()
  .superRefine((c, ctx) => {
    if (Boolean(c.nom) === Boolean(c.organisation)) {
      ctx.addIssue({
        code: 'custom',
        message: 'indiquez soit « nom » (et « prenom ») pour une personne, soit « organisation »',
      });
    } else if (c.organisation && c.prenom) {
      ctx.addIssue({ code: 'custom', path: ['prenom'], message: 'une organisation n’a pas de prénom' });
    }
  })
  .transform(
    (c): Contributor =>
      c.organisation ? { organisation: c.organisation } : { nom: c.nom as string, prenom: c.prenom ?? null },
  );
export type Contributor = { nom: string; prenom: string | null } | { organisation: string };

/** Year, year and month, or full date: what a reference states. */
export const publicationDateSchema = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'date attendue : AAAA, AAAA-MM ou AAAA-MM-JJ')
  .refine(
    (s) => {
      const [y, m, d] = s.split('-').map(Number) as [number, number?, number?];
      if (m !== undefined && (m < 1 || m > 12)) return false;
      if (d === undefined) return true;
      const date = new Date(Date.UTC(y, (m ?? 1) - 1, d));
      return date.getUTCDate() === d;
    },
    { message: 'date inexistante' },
  );

export const doiSchema = z
  .string()
  .trim()
  .transform((s) => normalizeDoi(s))
  .pipe(z.string().regex(/^10\.\d{4,9}\/\S+$/, 'DOI attendu sous la forme 10.1234/abc'));

export const isbnSchema = z
  .string()
  .trim()
  .refine((s) => {
    const digits = s.replace(/[-\s]/g, '');
    return /^(\d{9}[\dXx]|\d{13})$/.test(digits);
  }, 'ISBN attendu : 10 ou 13 chiffres, tirets permis');

export const issnSchema = z
  .string()
  .trim()
  .regex(/^\d{4}-?\d{3}[\dXx]$/, 'ISSN attendu : 1234-5678');

export const webUrlSchema = z.url({ protocol: /^https?$/, error: 'URL invalide : adresse http(s) attendue' });

export const territoryLinkSchema = z.object({
  type: enumOf(TERRITORY_TYPES, 'type de territoire'),
  code: z.string().trim().min(1).max(20),
});

const idList = (label: string) =>
  z.array(z.string().trim().min(1).max(64, `identifiant de ${label} trop long`));
const unique = <T>(list: T[]) => [...new Set(list)];

export const noticeInput = z
  .object({
    type: enumOf(NOTICE_TYPES, 'type'),
    sousType: enumOf(OFFICIAL_TEXT_KINDS, 'sous-type').nullish(),
    titre: z.string({ error: 'titre obligatoire' }).trim().min(1, 'titre obligatoire').max(1000),
    auteurs: z.array(contributorSchema).max(100).default([]),
    directeurs: z.array(contributorSchema).max(50).default([]),
    conteneur: z
      .object({ titre: optionalText(500), volume: optionalText(50), numero: optionalText(50) })
      .strict()
      .nullish()
      .transform((c) => (c && (c.titre || c.volume || c.numero) ? c : null)),
    collection: optionalText(300),
    editeur: optionalText(300),
    lieu: optionalText(200),
    date: publicationDateSchema.nullish(),
    pages: optionalText(50),
    etendue: optionalText(100),
    url: webUrlSchema.nullish(),
    consulteLe: isoDateSchema.nullish(),
    doi: doiSchema.nullish(),
    isbn: isbnSchema.nullish(),
    issn: issnSchema.nullish(),
    // Unknown (null) unless stated or detected: a notice's language is never assumed.
    langue: z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[a-z]{2,3}$/, 'code de langue ISO attendu, par exemple fr ou en')
      .nullish(),
    resume: optionalText(10_000),
    origineResume: enumOf(ABSTRACT_ORIGINS, 'origine du résumé').nullish(),
    disponibilite: optionalText(300),
    motsCles: z.array(text(100).min(1)).max(50).default([]),
    etiquettes: z.array(text(100).min(1)).max(50).default([]),
    dispositifs: z
      .array(enumOf(NOTICE_DISPOSITIFS as unknown as [string, ...string[]], 'dispositif'))
      .default([]),
    themes: z.array(enumOf(THEMES, 'thème')).default([]),
    publics: z.array(enumOf(AUDIENCES, 'public')).default([]),
    dynamiques: idList('dynamique').max(100).default([]),
    territoires: z.array(territoryLinkSchema).max(200).default([]),
    actions: idList('action').max(100).default([]),
  })
  // Also reached by file imports (RIS, BibTeX, CSL-JSON, CSV), which no HTTP validation sees.
  .superRefine(rejectUnstorableText)
  .superRefine((n, ctx) => {
    if (n.sousType && n.type !== 'texte_officiel') {
      ctx.addIssue({
        code: 'custom',
        path: ['sousType'],
        message: 'le sous-type ne s’applique qu’aux textes officiels',
      });
    }
    if (n.origineResume && !n.resume) {
      ctx.addIssue({ code: 'custom', path: ['origineResume'], message: 'origine indiquée sans résumé' });
    }
    n.motsCles.forEach((m, i) => {
      if (!thesaurusTerm(m)) {
        ctx.addIssue({
          code: 'custom',
          path: ['motsCles', i],
          message: `« ${m} » n’est pas dans le thésaurus : mettez-le dans les étiquettes libres`,
        });
      }
    });
  })
  .transform((n) => {
    // A free tag that is a thesaurus descriptor or a dispositif code is filed where it belongs, so
    // that the same word never sits in two places.
    const dispositifs = new Set(n.dispositifs as NoticeDispositif[]);
    const motsCles = n.motsCles.map((m) => thesaurusTerm(m) as string);
    const etiquettes: string[] = [];
    for (const tag of n.etiquettes) {
      const term = thesaurusTerm(tag);
      if (term) motsCles.push(term);
      else if ((NOTICE_DISPOSITIFS as string[]).includes(tag)) dispositifs.add(tag as NoticeDispositif);
      else etiquettes.push(tag);
    }
    return {
      ...n,
      sousType: n.sousType ?? null,
      date: n.date ?? null,
      url: n.url ?? null,
      consulteLe: n.consulteLe ?? null,
      doi: n.doi ?? null,
      isbn: n.isbn ?? null,
      issn: n.issn ?? null,
      origineResume: n.origineResume ?? null,
      // Stated, else detected from the title and abstract, else unknown.
      langue: n.langue ?? detectLanguage(n.titre, n.resume),
      motsCles: unique(motsCles),
      etiquettes: unique(etiquettes),
      dispositifs: NOTICE_DISPOSITIFS.filter((d) => dispositifs.has(d)),
      themes: THEMES.filter((t) => n.themes.includes(t)),
      publics: AUDIENCES.filter((p) => n.publics.includes(p)),
      dynamiques: unique(n.dynamiques),
      actions: unique(n.actions),
      territoires: [...new Map(n.territoires.map((t) => [`${t.type}:${t.code}`, t])).values()],
    };
  });
export type NoticeInput = z.output<typeof noticeInput>;
export type NoticeInputRaw = z.input<typeof noticeInput>;

const year = (label: string) =>
  z.coerce
    .number({ error: `${label} : année attendue` })
    .int(`${label} : année attendue`)
    .min(1000, `${label} : année attendue`)
    .max(2200, `${label} : année attendue`);

const searchFilters = {
  // Not trimmed: a trailing space says the last word is complete (no prefix matching).
  q: z.string().max(300, 'la recherche ne peut pas dépasser 300 caractères').optional(),
  type: csvList(NOTICE_TYPES, 'type').optional(),
  dispositif: csvList(NOTICE_DISPOSITIFS, 'dispositif').optional(),
  theme: csvList(THEMES, 'thème').optional(),
  public: csvList(AUDIENCES, 'public').optional(),
  anneeMin: year('anneeMin').optional(),
  anneeMax: year('anneeMax').optional(),
  dynamique: z.string().trim().min(1).max(64).optional(),
  territoire: territoryFilter.optional(),
  tri: z.enum(['pertinence', 'date'], { error: () => 'tri : pertinence ou date' }).default('pertinence'),
};

const yearsInOrder = (q: { anneeMin?: number | undefined; anneeMax?: number | undefined }) =>
  q.anneeMin === undefined || q.anneeMax === undefined || q.anneeMin <= q.anneeMax;
const YEARS_MESSAGE = { message: 'anneeMin dépasse anneeMax', path: ['anneeMin'] };

export const noticeSearchQuery = z
  .object({
    ...searchFilters,
    page: z.coerce.number().int().min(1, 'page commence à 1').max(10_000).default(1),
    limit: z.coerce
      .number()
      .int()
      .min(1, 'limit doit être au moins 1')
      .max(200, 'limit ne peut pas dépasser 200')
      .default(20),
  })
  .refine(yearsInOrder, YEARS_MESSAGE);
export type NoticeSearchQuery = z.infer<typeof noticeSearchQuery>;

export const EXPORT_FORMATS = ['ris', 'bibtex', 'csl-json', 'csv', 'texte'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const IMPORT_FORMATS = ['ris', 'bibtex', 'csl-json', 'csv'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export const noticeExportQuery = z
  .object({
    ...searchFilters,
    format: z.enum(EXPORT_FORMATS, { error: () => `format : ${EXPORT_FORMATS.join(', ')}` }),
  })
  .refine(yearsInOrder, YEARS_MESSAGE);
export type NoticeExportQuery = z.infer<typeof noticeExportQuery>;

export const DUPLICATE_MODES = ['ignorer', 'fusionner'] as const;
export type DuplicateMode = (typeof DUPLICATE_MODES)[number];

export const noticeImportQuery = z.object({
  format: z.enum(IMPORT_FORMATS, { error: () => `format : ${IMPORT_FORMATS.join(', ')}` }).optional(),
  dryRun: z
    .enum(['true', 'false', '1', '0'], { error: () => 'dryRun : true ou false' })
    .default('false')
    .transform((v) => v === 'true' || v === '1'),
  doublons: z.enum(DUPLICATE_MODES, { error: () => 'doublons : ignorer ou fusionner' }).default('ignorer'),
  /**
   * The explicit choice offered by a report with problems: import the valid notices and leave out
   * those reported (recorded in the change set). Without it, one problem means nothing is written.
   */
  partiel: z
    .enum(['true', 'false', '1', '0'], { error: () => 'partiel : true ou false' })
    .default('false')
    .transform((v) => v === 'true' || v === '1'),
});

export const noticeIdParams = z.object({ id: z.string().min(1).max(64, 'identifiant trop long') });

/** What duplicate detection looks at, for a check before entering a notice by hand. */
export const duplicateCheckInput = z.object({
  titre: z.string().trim().min(1, 'titre obligatoire').max(1000),
  date: publicationDateSchema.nullish(),
  doi: doiSchema.nullish(),
  url: webUrlSchema.nullish(),
});
export type DuplicateCheckInput = z.infer<typeof duplicateCheckInput>;
