/**
 * Icons the components may draw, by their name in the Remix set the DSFR uses. The DSFR theme's icon
 * sheet is cut down to these names at build time (web/build/dsfr-icons.ts reads this list); the neutral
 * theme draws a plain glyph for some of them and nothing for the others. Icons are decorative: every
 * control carries its text.
 */
export const ICON_NAMES = [
  'add-line',
  'delete-line',
  'arrow-up-line',
  'arrow-down-line',
  'arrow-left-line',
  'arrow-right-line',
  'arrow-up-down-line',
  'arrow-down-s-line',
  'download-line',
  'edit-line',
  'image-line',
  'list-unordered',
  'map-pin-2-line',
  'filter-line',
  'close-line',
  'bar-chart-box-line',
  'account-circle-line',
  'code-s-slash-line',
  'theme-fill',
] as const;

export type IconName = (typeof ICON_NAMES)[number];
