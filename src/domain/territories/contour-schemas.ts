import { z } from '../zod-fr.ts';
import { CODE_PATTERNS } from './types.ts';

/** Levels the map layer serves, largest first. */
export const CONTOUR_LEVELS = ['region', 'departement', 'epci', 'commune'] as const;
export type ContourLevelName = (typeof CONTOUR_LEVELS)[number];

/**
 * Levels /api/contours serves: the stored ones, and the QPV (their own perimeter when one was imported,
 * else the communes they lie in: the shipped 2024 list has no perimeters).
 */
export const MAP_LEVELS = [...CONTOUR_LEVELS, 'qpv'] as const;

export const contourParams = z.object({
  niveau: z.enum(MAP_LEVELS, {
    error: () => `niveau inconnu : valeurs possibles ${MAP_LEVELS.join(', ')}`,
  }),
});

export const contourQuery = z.object({
  region: z.string().trim().regex(CODE_PATTERNS.region, 'code de région attendu (2 chiffres)').optional(),
  departement: z
    .string()
    .trim()
    .toUpperCase()
    .regex(CODE_PATTERNS.departement, 'code de département attendu (01 à 95, 2A, 2B, 971…)')
    .optional(),
  format: z
    .enum(['geojson', 'topojson'], { error: () => 'format attendu : geojson ou topojson' })
    .default('geojson'),
  /**
   * `france`: contours lightened for a map of the whole country, where a pixel spans about 2 km; the
   * default keeps the stored detail, which a région or a département needs.
   */
  echelle: z.enum(['france'], { error: () => 'échelle attendue : france (ou rien)' }).optional(),
  /**
   * Niveau département only: this département and those around it (their boxes meet its box widened by
   * half), what a map framed on it shows, instead of the hundred of France.
   */
  autour: z
    .string()
    .trim()
    .toUpperCase()
    .regex(CODE_PATTERNS.departement, 'code de département attendu (01 à 95, 2A, 2B, 971…)')
    .optional(),
});
export type ContourQuery = z.infer<typeof contourQuery> & z.infer<typeof contourParams>;
