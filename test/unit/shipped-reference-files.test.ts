import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { vintageOf } from '../../src/reference/import-report.ts';
import { readManifest, SHIPPED_DIR } from '../../src/reference/shipped/manifest.ts';

const manifest = readManifest();

describe('reference layers shipped in data-seed/reference', () => {
  it('has a manifest naming the three layers, their sources and licence', () => {
    expect(manifest?.couches.map((c) => c.couche)).toEqual(['contours', 'qpv', 'contrats_ville']);
    expect(manifest?.licence).toMatch(/Licence Ouverte/);
    for (const entry of manifest?.couches ?? []) {
      expect(entry.sources.length, entry.fichier).toBeGreaterThan(0);
      for (const source of entry.sources) expect(source.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it('matches every file: size, checksum and the vintage the importer will record', () => {
    for (const entry of manifest?.couches ?? []) {
      const bytes = fs.readFileSync(path.join(SHIPPED_DIR, entry.fichier));
      expect(bytes.length, entry.fichier).toBe(entry.octets);
      expect(createHash('sha256').update(bytes).digest('hex'), entry.fichier).toBe(entry.sha256);
      expect(vintageOf(entry.libelle, [zlib.gunzipSync(bytes)]), entry.fichier).toBe(entry.millesime);
    }
  });

  it('keeps the whole folder to a few megabytes', () => {
    const total = fs
      .readdirSync(SHIPPED_DIR)
      .reduce((sum, name) => sum + fs.statSync(path.join(SHIPPED_DIR, name)).size, 0);
    expect(total).toBeLessThan(4 * 1024 * 1024);
  });

  it('ships QPV and contracts with the fields the importers read, and no population made up', () => {
    const read = (name: string) =>
      JSON.parse(zlib.gunzipSync(fs.readFileSync(path.join(SHIPPED_DIR, name))).toString());
    const qpv = read('qpv-2024.json.gz') as { code: string; communes: string[]; population?: number }[];
    expect(qpv).toHaveLength(1493);
    expect(qpv.every((q) => /^QN/.test(q.code) && q.communes.length > 0)).toBe(true);
    // The only open population file is of the 2015 generation, whose codes no 2024 quartier has.
    expect(qpv.filter((q) => q.population !== undefined)).toHaveLength(0);
    const contrats = read('contrats-ville-2024.json.gz') as { code: string; code_territoire: string }[];
    expect(contrats).toHaveLength(448);
    expect(new Set(contrats.map((c) => c.code)).size).toBe(446);
  });
});
