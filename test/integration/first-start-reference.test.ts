import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import type { AppContext } from '../../src/context.ts';
import { preparePlatform } from '../../src/platform.ts';
import { readManifest } from '../../src/reference/shipped/manifest.ts';

/**
 * A fresh install: an empty PGlite data directory, no network, no demo data. The reference layers
 * shipped in data-seed/reference/ are there after the first start, and a second start reads none again.
 */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'odts-first-start-'));
const config = loadConfig({ ODTS_DATA_DIR: dir, ODTS_DEMO: '0' });
const firstLog: string[] = [];

async function counts(ctx: AppContext) {
  const db = ctx.database.db;
  const { rows: contours } = await sql<{ niveau: string; n: number }>`
    select niveau, count(*)::int as n from contour group by niveau order by niveau`.execute(db);
  const one = async (query: ReturnType<typeof sql<{ n: number }>>) =>
    Number((await query.execute(db)).rows[0]?.n);
  return {
    contours: Object.fromEntries(contours.map((r) => [r.niveau, Number(r.n)])),
    qpv: await one(sql<{ n: number }>`select count(*)::int as n from qpv`),
    qpvCommunes: await one(sql<{ n: number }>`select count(distinct qpv)::int as n from qpv_commune`),
    contratRows: await one(sql<{ n: number }>`select count(*)::int as n from contrat_ville`),
    contratCodes: await one(sql<{ n: number }>`select count(distinct code)::int as n from contrat_ville`),
    dynamics: await one(sql<{ n: number }>`
      select count(*)::int as n from dynamique where type = 'CONTRAT_VILLE'
      and document->'specifique' ? 'codeContratVille'`),
  };
}

let first: Awaited<ReturnType<typeof counts>>;

beforeAll(async () => {
  // Any download attempt fails the start: everything must come from the project's own files.
  vi.stubGlobal('fetch', () => Promise.reject(new Error('pas de réseau pendant ce test')));
  const ctx = await preparePlatform(config, (m) => firstLog.push(m));
  try {
    first = await counts(ctx);
  } finally {
    await ctx.close();
  }
});

afterAll(() => {
  vi.unstubAllGlobals();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('first start of a fresh install', () => {
  it('loads the four levels of contours, the 1,493 QPV and the 448 contract territories', () => {
    expect(Object.keys(first.contours).sort()).toEqual(['commune', 'departement', 'epci', 'region']);
    expect(first.contours.region).toBe(18);
    expect(first.contours.departement).toBe(101);
    expect(first.contours.epci).toBeGreaterThan(1200);
    expect(first.contours.commune).toBeGreaterThan(34_000);
    expect(first.qpv).toBe(1493);
    expect(first.qpvCommunes).toBe(1493);
    expect(first.contratRows).toBe(448);
    expect(first.contratCodes).toBe(446);
    expect(firstLog.some((l) => /Couche absente/.test(l))).toBe(false);
  });

  it('turns every contract into one CONTRAT_VILLE dynamic of the registry', () => {
    expect(first.dynamics).toBe(first.contratCodes);
    expect(firstLog).toContain(`Contrats de ville ajoutés au registre : ${first.contratCodes}`);
  });

  it('records the shipped vintages, so that a second start loads nothing again', async () => {
    const log: string[] = [];
    const ctx = await preparePlatform(config, (m) => log.push(m));
    try {
      expect(await counts(ctx)).toEqual(first);
      const layers = await ctx.services.reference.layers();
      for (const entry of readManifest()?.couches ?? []) {
        expect(layers.find((l) => l.layer === entry.couche)?.vintage).toBe(entry.millesime);
      }
      expect(log.filter((l) => l.includes('déjà chargée'))).toHaveLength(3);
      expect(log.some((l) => l.includes('depuis data-seed/reference'))).toBe(false);
      expect(log.some((l) => l.startsWith('Contrats de ville ajoutés'))).toBe(false);
    } finally {
      await ctx.close();
    }
  });
});
