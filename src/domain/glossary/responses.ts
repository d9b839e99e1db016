import { listOf } from '../kernel/responses.ts';
import { z } from '../zod-fr.ts';

/** What the glossary routes answer (src/resources/glossary/glossary.presenter.ts). */

export const glossarySourceOut = z.object({
  titre: z.string().nullable(),
  url: z.string().nullable(),
  /** Notice of the bibliographic base the definition comes from. */
  notice: z.string().nullable(),
});

/** An entry: `{sigle, forme, definition, sources}` of API.md, plus its key, links and version. */
export const presentedTerm = z
  .object({
    /** Key in addresses: the acronym, else a slug of the expanded form. */
    cle: z.string(),
    /** Null for a term of the field without an acronym (« promotion de la santé »). */
    sigle: z.string().nullable(),
    forme: z.string(),
    definition: z.string(),
    variantes: z.array(z.string()),
    /** Keys of related entries. */
    termesLies: z.array(z.string()),
    sources: z.array(glossarySourceOut),
    version: z.number().int(),
    creeLe: z.string(),
    modifieLe: z.string(),
  })
  .meta({ id: 'EntreeGlossaire' });
export type PresentedTerm = z.infer<typeof presentedTerm>;

export const glossaryList = listOf(presentedTerm);
