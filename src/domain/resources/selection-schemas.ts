import { rejectUnstorableText } from '../kernel/storable-text.ts';
import { isoDateSchema } from '../registry/schemas.ts';
import { z } from '../zod-fr.ts';
import { type Contributor, contributorSchema, publicationDateSchema } from './schemas.ts';
import {
  DEFAULT_SELECTION_ORDER,
  MAX_SECTION_DEPTH,
  SELECTION_ORDERS,
  type SelectionOrder,
} from './selection-constants.ts';

/** Sélections bibliographiques: shared by the API (validation, OpenAPI), the CLI, the seeds and the web client. */

export { DEFAULT_SELECTION_ORDER, MAX_SECTION_DEPTH, SELECTION_ORDERS, type SelectionOrder };

export const MAX_SELECTION_ENTRIES = 2_000;
/** 200 KB of image, base64-encoded (4 characters for 3 bytes), with its `data:` prefix. */
export const MAX_LOGO_CHARACTERS = Math.ceil((200 * 1024 * 4) / 3) + 30;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `${max} caractères au plus`)
    .nullish()
    .transform((v) => (v ? v : null));

export const selectionEntrySchema = z
  .object({
    notice: z
      .string({ error: 'identifiant de notice attendu' })
      .trim()
      .min(1, 'identifiant de notice attendu')
      .max(64, 'identifiant de notice trop long'),
    commentaire: optionalText(5_000),
    /**
     * When a sitography's entry was last checked: printed as its « consulté le » instead of the
     * notice's own date (a sélection checks its sites on the day it is published).
     */
    consulteLe: isoDateSchema.nullish().transform((d) => d ?? null),
  })
  .strict();
export type SelectionEntry = z.output<typeof selectionEntrySchema>;

export interface SelectionSection {
  titre: string;
  /** Text shown under the section title, before its notices. */
  presentation: string | null;
  ordre: SelectionOrder;
  /** A sitography: web sites, shown with their address. */
  sitographie: boolean;
  notices: SelectionEntry[];
  sections: SelectionSection[];
}

export const selectionSectionSchema: z.ZodType<SelectionSection> = z.lazy(() =>
  z
    .object({
      titre: z
        .string({ error: 'titre de section obligatoire' })
        .trim()
        .min(1, 'titre de section obligatoire')
        .max(500, '500 caractères au plus'),
      presentation: optionalText(10_000),
      ordre: z
        .enum(SELECTION_ORDERS, { error: () => `ordre : ${SELECTION_ORDERS.join(', ')}` })
        .default(DEFAULT_SELECTION_ORDER),
      sitographie: z.boolean().default(false),
      notices: z.array(selectionEntrySchema).max(MAX_SELECTION_ENTRIES).default([]),
      sections: z.array(selectionSectionSchema).max(100).default([]),
    })
    .strict(),
) as unknown as z.ZodType<SelectionSection>;

export const glossaryTermSchema = z
  .object({
    sigle: z.string({ error: 'sigle obligatoire' }).trim().min(1, 'sigle obligatoire').max(50),
    forme: z
      .string({ error: 'forme développée obligatoire' })
      .trim()
      .min(1, 'forme développée obligatoire')
      .max(300),
    definition: optionalText(3_000),
  })
  .strict();
export type GlossaryTerm = z.output<typeof glossaryTermSchema>;

function depth(sections: SelectionSection[]): number {
  return sections.length === 0 ? 0 : 1 + Math.max(...sections.map((s) => depth(s.sections)));
}

function entryCount(sections: SelectionSection[]): number {
  return sections.reduce((n, s) => n + s.notices.length + entryCount(s.sections), 0);
}

export const selectionInput = z
  .object({
    titre: z.string({ error: 'titre obligatoire' }).trim().min(1, 'titre obligatoire').max(500),
    date: publicationDateSchema.nullish().transform((d) => d ?? null),
    auteurs: z.array(contributorSchema).max(50).default([]),
    /** May cite notices of the sélection as `[[notice-id]]`, rendered as their number "(12)". */
    introduction: optionalText(30_000),
    sections: z.array(selectionSectionSchema).max(100).default([]),
    glossaire: z.array(glossaryTermSchema).max(500).default([]),
    /**
     * Logo of the author organisation (an Ireps, a CRES), shown with its name on the title page of the
     * documents: a PNG or JPEG image as a `data:` address, 200 KB at most.
     */
    logo: z
      .string()
      .max(MAX_LOGO_CHARACTERS, 'logo : 200 Ko au plus')
      .regex(/^data:image\/(png|jpeg);base64,[A-Za-z0-9+/]+=*$/, 'logo : image PNG ou JPEG attendue')
      .nullish()
      .transform((l) => l ?? null),
  })
  .strict()
  // Also reached by the sélection seed files and the command line.
  .superRefine(rejectUnstorableText)
  .superRefine((s, ctx) => {
    if (depth(s.sections) > MAX_SECTION_DEPTH) {
      ctx.addIssue({
        code: 'custom',
        path: ['sections'],
        message: `${MAX_SECTION_DEPTH} niveaux de sections au plus`,
      });
    }
    if (entryCount(s.sections) > MAX_SELECTION_ENTRIES) {
      ctx.addIssue({
        code: 'custom',
        path: ['sections'],
        message: `${MAX_SELECTION_ENTRIES} notices au plus dans une sélection`,
      });
    }
  });
export type SelectionInput = z.output<typeof selectionInput>;
export type SelectionInputRaw = z.input<typeof selectionInput>;
export type { Contributor };

export const SELECTION_EXPORT_FORMATS = ['html', 'pdf', 'docx', 'ris', 'bibtex', 'csl-json'] as const;
export type SelectionExportFormat = (typeof SELECTION_EXPORT_FORMATS)[number];

export const selectionExportQuery = z.object({
  format: z
    .enum(SELECTION_EXPORT_FORMATS, { error: () => `format : ${SELECTION_EXPORT_FORMATS.join(', ')}` })
    .default('html'),
});

export const selectionListQuery = z.object({
  q: z.string().trim().max(300, '300 caractères au plus').optional(),
  page: z.coerce.number().int().min(1, 'page commence à 1').max(10_000).default(1),
  limit: z.coerce
    .number()
    .int()
    .min(1, 'limit doit être au moins 1')
    .max(200, 'limit ne peut pas dépasser 200')
    .default(50),
});
export type SelectionListQuery = z.infer<typeof selectionListQuery>;

export const selectionIdParams = z.object({ id: z.string().min(1).max(64, 'identifiant trop long') });

/** Every notice id of a section tree, depth first, with the field path of each entry. */
export function selectionEntries(
  sections: SelectionSection[],
  prefix = 'sections',
): { path: string; entry: SelectionEntry }[] {
  return sections.flatMap((s, i) => [
    ...s.notices.map((entry, j) => ({ path: `${prefix}.${i}.notices.${j}.notice`, entry })),
    ...selectionEntries(s.sections, `${prefix}.${i}.sections`),
  ]);
}
