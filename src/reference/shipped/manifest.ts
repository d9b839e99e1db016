import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from '../../domain/zod-fr.ts';

/** Reference layers built from open data by `npm run data:build` and shipped with the project. */
export const SHIPPED_DIR = fileURLToPath(new URL('../../../data-seed/reference/', import.meta.url));
export const MANIFEST_FILE = 'manifest.json';

export const SHIPPED_LAYERS = ['contours', 'qpv', 'contrats_ville'] as const;
export type ShippedLayer = (typeof SHIPPED_LAYERS)[number];

const sourceSchema = z.object({
  titre: z.string(),
  producteur: z.string(),
  adresse: z.string(),
  millesime: z.string(),
  licence: z.string(),
  sha256: z.string(),
});

const layerSchema = z.object({
  couche: z.enum(SHIPPED_LAYERS),
  fichier: z.string(),
  /** Label given to the importer; with the content's checksum it makes the vintage recorded. */
  libelle: z.string(),
  /** Exactly what the importer records in `reference_layer` once this file is loaded. */
  millesime: z.string(),
  sha256: z.string(),
  octets: z.number().int(),
  comptes: z.record(z.string(), z.number().int()),
  traitement: z.string(),
  sources: z.array(sourceSchema).min(1),
});

export const manifestSchema = z.object({
  description: z.string(),
  licence: z.string(),
  attribution: z.string(),
  couches: z.array(layerSchema),
});

export type ShippedManifest = z.infer<typeof manifestSchema>;
export type ShippedLayerEntry = z.infer<typeof layerSchema>;
export type ShippedSource = z.infer<typeof sourceSchema>;

/** The manifest of the shipped layers, or null when the folder holds none (a trimmed install). */
export function readManifest(dir: string = SHIPPED_DIR): ShippedManifest | null {
  const file = path.join(dir, MANIFEST_FILE);
  if (!fs.existsSync(file)) return null;
  const parsed = manifestSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')} : ${i.message}`).slice(0, 5);
    throw new Error(`${file} invalide — ${issues.join(' ; ')}`);
  }
  return parsed.data;
}
