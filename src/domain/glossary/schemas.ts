import { rejectUnstorableText } from '../kernel/storable-text.ts';
import { webUrlSchema } from '../resources/schemas.ts';
import { foldText } from '../text/normalize.ts';
import { z } from '../zod-fr.ts';

/** Glossary of the field: shared by the API (validation, OpenAPI), the CLI, the seed file and the web client. */

const requiredText = (label: string, max: number) =>
  z
    .string({ error: `${label} obligatoire` })
    .trim()
    .min(1, `${label} obligatoire`)
    .max(max, `${max} caractères au plus`);

/** Where a definition comes from: a notice of the base, and/or a title and an address. */
export const glossarySourceSchema = z
  .object({
    titre: z.string().trim().max(500, '500 caractères au plus').nullish(),
    url: webUrlSchema.nullish(),
    notice: z.string().trim().min(1).max(64, 'identifiant de notice trop long').nullish(),
  })
  .strict()
  .refine((s) => Boolean(s.titre || s.url || s.notice), {
    message: 'une source indique un titre, une URL ou une notice',
  })
  .transform((s) => ({ titre: s.titre || null, url: s.url ?? null, notice: s.notice ?? null }));
export type GlossarySource = z.output<typeof glossarySourceSchema>;

export const SIGLE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9&]*$/;

export const glossaryTermInput = z
  .object({
    sigle: z
      .string()
      .trim()
      .max(20, '20 caractères au plus')
      .regex(SIGLE_PATTERN, 'sigle : lettres et chiffres sans espace, par exemple CLS ou CdS')
      .nullish(),
    forme: requiredText('forme', 300),
    definition: requiredText('definition', 5000),
    /** Other ways the term is written (plural, older name), recognised in texts as the term. */
    variantes: z.array(z.string().trim().min(1).max(300)).max(20).default([]),
    /** Keys (`cle`) of related entries. */
    termesLies: z.array(z.string().trim().min(1).max(100)).max(30).default([]),
    sources: z.array(glossarySourceSchema).max(30).default([]),
  })
  .strict()
  // Also reached by the glossary file import of the command line.
  .superRefine(rejectUnstorableText)
  .transform((t) => ({
    ...t,
    sigle: t.sigle || null,
    variantes: [...new Set(t.variantes)],
    termesLies: [...new Set(t.termesLies)],
  }));
export type GlossaryTermInput = z.output<typeof glossaryTermInput>;
export type GlossaryTermInputRaw = z.input<typeof glossaryTermInput>;

/** The key of an entry in addresses and anchors: its acronym, else a slug of its expanded form. */
export function glossaryKey(t: { sigle: string | null; forme: string }): string {
  return t.sigle ?? foldText(t.forme).replaceAll(' ', '-');
}

/** Address of an entry in the web interface. */
export function glossaryAnchor(cle: string): string {
  return `/glossaire#${encodeURIComponent(cle)}`;
}

export const glossarySearchQuery = z.object({
  q: z.string().max(200, 'la recherche ne peut pas dépasser 200 caractères').optional(),
});

export const glossaryKeyParams = z.object({
  sigle: z.string().trim().min(1).max(100, 'sigle ou clé trop long'),
});

/** The shipped glossary file (data-seed/glossaire.json). */
export const glossarySeedFile = z.object({ termes: z.array(z.unknown()) });
