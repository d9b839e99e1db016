import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { systemActor } from '../../domain/actor.ts';
import type { SeedLedger } from '../../kernel/seeds/seed-ledger.ts';
import { type LayerImportReport, vintageOf } from '../import-report.ts';
import type { ReferenceService } from '../reference.service.ts';
import { readManifest, SHIPPED_DIR, type ShippedLayer, type ShippedLayerEntry } from './manifest.ts';

const actor = systemActor('démarrage');

export type ShippedLayerOutcome =
  | { layer: ShippedLayer; outcome: 'charge'; vintage: string; counts: Record<string, number> }
  | { layer: ShippedLayer; outcome: 'deja_chargee'; vintage: string }
  /** The layer was imported from another file or URL: the shipped one does not replace it. */
  | { layer: ShippedLayer; outcome: 'importee_ailleurs'; vintage: string };

/** Name under which the seed ledger records the shipped version last loaded for a layer. */
export const shippedLedgerName = (layer: ShippedLayer) => `couche_livree_${layer}`;

/**
 * Loads the reference layers shipped in data-seed/reference/ (contours, QPV, contrats de ville) through
 * their importers, with no network. A layer is loaded when it is absent, or when what is loaded is an
 * earlier shipped version; a layer imported since from an official publication or a file is kept.
 * Later starts find the vintage recorded and read no file.
 */
export async function loadShippedLayers(
  reference: ReferenceService,
  ledger: SeedLedger,
  dir: string = SHIPPED_DIR,
): Promise<ShippedLayerOutcome[]> {
  const manifest = readManifest(dir);
  if (!manifest) return [];
  const outcomes: ShippedLayerOutcome[] = [];
  for (const entry of manifest.couches) {
    const loaded = await ledger.loadedVintage(entry.couche);
    if (loaded === entry.millesime) {
      outcomes.push({ layer: entry.couche, outcome: 'deja_chargee', vintage: loaded });
      continue;
    }
    const shippedBefore = await ledger.loadedVintage(shippedLedgerName(entry.couche));
    if (loaded !== null && loaded !== shippedBefore) {
      outcomes.push({ layer: entry.couche, outcome: 'importee_ailleurs', vintage: loaded });
      continue;
    }
    const report = await importShipped(reference, entry, path.join(dir, entry.fichier));
    await ledger.recordNow({
      name: shippedLedgerName(entry.couche),
      vintage: report.vintage,
      source: `data-seed/reference/${entry.fichier} (sha256:${entry.sha256.slice(0, 12)})`,
      rowCount: Object.values(entry.comptes).reduce((a, b) => a + b, 0),
    });
    outcomes.push({ layer: entry.couche, outcome: 'charge', vintage: report.vintage, counts: report.counts });
  }
  return outcomes;
}

async function importShipped(
  reference: ReferenceService,
  entry: ShippedLayerEntry,
  file: string,
): Promise<LayerImportReport> {
  // Checked before writing: a manifest out of step with its file would reload the layer at every start.
  const vintage = vintageOf(entry.libelle, [zlib.gunzipSync(fs.readFileSync(file))]);
  if (vintage !== entry.millesime) {
    throw new Error(
      `Couche livrée ${entry.fichier} : millésime ${vintage} au lieu de ${entry.millesime} ` +
        '(manifest.json à reconstruire : npm run data:build)',
    );
  }
  // `force`: an earlier shipped version is replaced even if the importer would call it the same.
  const options = { vintageLabel: entry.libelle, force: true };
  const report =
    entry.couche === 'contours'
      ? await reference.importContours(actor, [file], options)
      : entry.couche === 'qpv'
        ? await reference.importQpv(actor, file, options)
        : await reference.importContratsVille(actor, file, options);
  if (!report.valid || !report.written) {
    const errors = report.errors.slice(0, 5).map((e) => `${e.ligne} · ${e.champ} : ${e.message}`);
    throw new Error(`Couche livrée ${entry.fichier} refusée à l’import :\n  ${errors.join('\n  ')}`);
  }
  return report;
}
