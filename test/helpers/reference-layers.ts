import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Kysely } from 'kysely';
import type { Topology } from 'topojson-specification';
import type { DB } from '../../src/db/schema.ts';
import { CommuneIndex, type CommuneRef } from '../../src/reference/commune-index.ts';
import { SHIPPED_DIR } from '../../src/reference/shipped/manifest.ts';

/** A reference layer shipped with the project (data-seed/reference/, built by `npm run data:build`). */
export function shippedLayer(name: string): string {
  return path.join(SHIPPED_DIR, name);
}

/** The shipped contours, parsed: a TopoJSON whose objects are regions, departements, epci and communes. */
export function shippedContours(): Topology {
  return JSON.parse(zlib.gunzipSync(fs.readFileSync(shippedLayer('contours.topo.json.gz'))).toString('utf8'));
}

/** Writes a throw-away source file for an import test and returns its path. */
export function tempSource(name: string, content: string | Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'odts-layer-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

/**
 * Removes the optional layers, so that a test file starts from "not loaded" and leaves a shared
 * PostgreSQL test database as it found it.
 */
export async function clearOptionalLayers(db: Kysely<DB>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('qpv_commune').execute();
    await trx.deleteFrom('qpv').execute();
    await trx.deleteFrom('contrat_ville_commune').execute();
    await trx.deleteFrom('contrat_ville').execute();
    await trx.deleteFrom('contour').execute();
    await trx
      .deleteFrom('reference_layer')
      .where('layer', 'in', ['qpv', 'contrats_ville', 'contours'])
      .execute();
  });
}

const commune = (
  code: string,
  nom: string,
  departement: string,
  extra: Partial<CommuneRef> = {},
): CommuneRef => ({
  code,
  nom,
  nature: 'commune_actuelle',
  departement,
  region: '76',
  epci: null,
  parent: null,
  anciensCodes: [],
  ...extra,
});

/** A handful of real communes, enough for the mapping functions' unit tests. */
export function smallCommuneIndex(): CommuneIndex {
  return new CommuneIndex([
    commune('65440', 'Tarbes', '65', { epci: '200069300' }),
    commune('65417', 'Séméac', '65', { epci: '200069300' }),
    commune('09225', 'Saint-Girons', '09'),
    commune('13055', 'Marseille', '13', { region: '93', epci: '200054807' }),
    commune('13201', 'Marseille 1er Arrondissement', '13', {
      nature: 'arrondissement_municipal',
      parent: '13055',
    }),
    commune('01015', 'Arboys en Bugey', '01', { region: '84', anciensCodes: ['01015', '01340'] }),
    commune('01340', 'Saint-Bois', '01', { region: '84', nature: 'commune_deleguee', parent: '01015' }),
    commune('93066', 'Saint-Denis', '93', { region: '11' }),
    commune('94081', 'Vitry-sur-Seine', '94', { region: '11' }),
    commune('91027', 'Athis-Mons', '91', { region: '11' }),
  ]);
}
