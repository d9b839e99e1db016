/** Constants of sélections, without zod, for the web client. */

/** How the notices of a section are ordered; a documentalist lists the most recent first. */
export const SELECTION_ORDERS = ['antechronologique', 'chronologique', 'alphabetique', 'manuel'] as const;
export type SelectionOrder = (typeof SELECTION_ORDERS)[number];
export const DEFAULT_SELECTION_ORDER: SelectionOrder = 'antechronologique';

/** Sections nest up to this depth ("1", "1.1", "1.1.1", "1.1.1.1"). */
export const MAX_SECTION_DEPTH = 4;
