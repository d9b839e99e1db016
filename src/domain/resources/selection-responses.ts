import { pageOf } from '../kernel/responses.ts';
import { z } from '../zod-fr.ts';
import { contributorOut } from './responses.ts';
import { SELECTION_ORDERS, type SelectionOrder } from './selection-constants.ts';

/** What the sélection routes answer (src/resources/selections/selection.presenter.ts and the service). */

const instant = z.string().meta({ description: 'date et heure ISO 8601' });

export const selectionEntryOut = z.object({
  notice: z.string(),
  commentaire: z.string().nullable(),
  /** Date the entry (a site) was checked, printed instead of the notice's « consulté le ». */
  consulteLe: z.string().nullish(),
});

export interface SelectionSectionOut {
  titre: string;
  presentation: string | null;
  ordre: SelectionOrder;
  sitographie: boolean;
  notices: z.infer<typeof selectionEntryOut>[];
  sections: SelectionSectionOut[];
}

// Sections nest (4 levels): a getter makes the schema recursive, and OpenAPI shows it once by its id.
export const selectionSectionOut: z.ZodType<SelectionSectionOut> = z
  .object({
    titre: z.string(),
    presentation: z.string().nullable(),
    ordre: z.enum(SELECTION_ORDERS),
    sitographie: z.boolean(),
    notices: z.array(selectionEntryOut),
    get sections() {
      return z.array(selectionSectionOut);
    },
  })
  .meta({ id: 'SectionDeSelection' });

/** A sélection as entered, plus id, number of notices, version and dates (GET /api/selections/{id}). */
export const presentedSelection = z
  .object({
    id: z.string(),
    titre: z.string(),
    date: z.string().nullable(),
    auteurs: z.array(contributorOut),
    introduction: z.string().nullable(),
    sections: z.array(selectionSectionOut),
    glossaire: z.array(z.object({ sigle: z.string(), forme: z.string(), definition: z.string().nullable() })),
    /** Logo of the author organisation, a `data:` address (PNG or JPEG). */
    logo: z.string().nullish(),
    nombreNotices: z.number().int(),
    version: z.number().int(),
    creeLe: instant,
    modifieLe: instant,
  })
  .meta({ id: 'Selection' });
export type PresentedSelection = z.infer<typeof presentedSelection>;

/** A line of GET /api/selections. */
export const selectionSummary = presentedSelection.pick({
  id: true,
  titre: true,
  date: true,
  auteurs: true,
  nombreNotices: true,
  version: true,
  modifieLe: true,
});
export type SelectionSummary = z.infer<typeof selectionSummary>;
export const selectionPage = pageOf(selectionSummary);

/**
 * The composer's preview (POST /api/selections/apercu): the page as it will be published, its table
 * of contents and its numbered references.
 */
export const selectionPreview = z.object({
  html: z.string(),
  sommaire: z.array(z.object({ id: z.string(), niveau: z.number().int(), libelle: z.string() })),
  references: z.array(
    z.object({
      numero: z.number().int(),
      notice: z.string(),
      titre: z.string(),
      date: z.string().nullable(),
      type: z.string(),
      texte: z.string(),
    }),
  ),
});
export type SelectionPreview = z.infer<typeof selectionPreview>;
