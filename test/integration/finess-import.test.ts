import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/domain/actor.ts';
import { dynamicInput as dynamicSchema } from '../../src/domain/registry/schemas.ts';
import { dynamicInput } from '../factories/dynamics.ts';
import { createTestApp } from '../helpers/context.ts';
import { shippedLayer } from '../helpers/reference-layers.ts';

const dir = path.resolve(import.meta.dirname, '../fixtures/finess');
const FIRST = path.join(dir, 'extraction-2024-01-15-utf8.csv');
const SECOND = path.join(dir, 'extraction-2024-07-01-windows1252.csv');
const actor = systemActor('import');

let t: Awaited<ReturnType<typeof createTestApp>>;

async function clearFiness() {
  await sql`delete from dynamique where document->'specifique' ? 'finess'`.execute(t.ctx.database.db);
}

interface Listed {
  id: string;
  nom: string;
  statut: string | null;
  perimetre: { communes: string[] };
  specifique: {
    finess?: string;
    communeAdresse?: string;
    coordonnees?: { longitude: number; latitude: number };
    perimetreAPreciser?: boolean;
  };
  fraicheur: { verifieLe: string | null; verifiePar: string | null };
}

async function byFiness(date?: string): Promise<Map<string, Listed>> {
  const res = await t.app.inject({
    url: '/api/dynamiques',
    query: { type: 'MSP,CDS,CPTS', limit: '1000', ...(date ? { date } : {}) },
  });
  expect(res.statusCode).toBe(200);
  const items = res.json().items as Listed[];
  return new Map(items.filter((i) => i.specifique.finess).map((i) => [i.specifique.finess as string, i]));
}

async function historyCount(): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from historique h join dynamique d on d.id = h.entite_id
    where d.document->'specifique' ? 'finess'`.execute(t.ctx.database.db);
  return rows[0]?.n ?? 0;
}

// MSP of the Ain entered by other test files sharing a PostgreSQL server: the import adds its own.
let ainMspBefore = 0;
const mspOfAin = async () =>
  (await t.app.inject({ url: '/api/analyses/offre-coordonnee?departement=01&date=2024-02-01' })).json()
    .items[0].msp as number;

beforeAll(async () => {
  t = await createTestApp();
  await clearFiness();
  ainMspBefore = await mspOfAin();
});
afterAll(async () => {
  await clearFiness();
  await t.close();
});

describe('FINESS extraction → MSP, CDS and CPTS dynamics', () => {
  it('creates the three categories only, with communes from departement + commune and points in Lambert 93', async () => {
    const result = await t.ctx.services.finess.importSource(actor, FIRST, { dryRun: false });
    expect(result.report.erreurs).toEqual([]);
    expect(result.report).toMatchObject({
      valide: true,
      crees: 5,
      modifies: 0,
      arretes: 0,
      dateSource: '2024-01-15',
    });
    expect(result).toMatchObject({ etablissements: 5, points: 2, sansPoint: 1 });

    const found = await byFiness('2024-02-01');
    expect([...found.keys()].sort()).toEqual([
      '010005239',
      '2A0000123',
      '690012345',
      '970100123',
      '970400456',
    ]);
    const msp = found.get('010005239') as Listed;
    expect(msp.nom).toBe('MAISON DE SANTÉ PLURIPROFESSIONNELLE DE BOURG');
    expect(msp.perimetre.communes).toEqual(['01053']);
    expect(msp.statut).toBe('actif');
    expect(msp.fraicheur).toMatchObject({ verifieLe: '2024-01-15', verifiePar: 'FINESS' });
    // Bourg-en-Bresse is near 5.22 E, 46.20 N.
    expect(msp.specifique.coordonnees?.longitude).toBeCloseTo(5.22, 1);
    expect(msp.specifique.coordonnees?.latitude).toBeCloseTo(46.2, 1);
    const corse = found.get('2A0000123') as Listed;
    expect(corse.perimetre.communes).toEqual(['2A004']);
    expect(corse.specifique.coordonnees?.latitude).toBeCloseTo(41.93, 1);
    const abymes = found.get('970100123') as Listed;
    expect(abymes.perimetre.communes).toEqual(['97101']);
    expect(abymes.specifique.coordonnees).toBeUndefined();
    // A CPTS's seat is not its perimeter.
    const cpts = found.get('970400456') as Listed;
    expect(cpts.perimetre.communes).toEqual([]);
    expect(cpts.specifique).toMatchObject({ communeAdresse: '97411', perimetreAPreciser: true });
    expect(found.get('690012345')?.specifique.communeAdresse).toBe('69123');
  });

  it('analyses coordinated care: a CPTS known by its seat counts apart and articulates with the CLS holding it', async () => {
    const cls = await t.ctx.services.registry.create(
      actor,
      dynamicSchema.parse(
        dynamicInput({
          porteur: { nom: 'Ville de Saint-Denis', type: 'commune', code: '97411' },
          perimetre: { communes: ['97411'] },
        }),
      ),
    );
    try {
      const at = '2024-02-01';
      const reunion = await t.app.inject({
        url: `/api/analyses/offre-coordonnee?niveau=departement&departement=974&date=${at}`,
      });
      expect(reunion.statusCode).toBe(200);
      const [row] = reunion.json().items;
      expect(row.territoire).toMatchObject({ type: 'departement', code: '974', nom: 'La Réunion' });
      expect(row.cpts).toEqual({ total: 1, perimetreConnu: 0, siegeSeul: 1, partPopulationCouverte: 0 });
      expect(row.cls).toMatchObject({ avecCpts: 1 });
      expect(reunion.json().ensemble.cpts.siegeSeul).toBe(1);

      // The territory's profile lists the CPTS known by its seat, though it covers nothing yet.
      const profile = await t.app.inject({ url: `/api/territoires/departement/974/profil?date=${at}` });
      expect(profile.statusCode).toBe(200);
      const listed = profile.json().dynamiques as { type: string; specifique: { finess?: string } }[];
      expect(listed.find((d) => d.specifique.finess === '970400456')?.type).toBe('CPTS');
      expect(profile.json().couverture.CPTS.communes).toBe(0);

      const ain = await t.app.inject({ url: `/api/analyses/offre-coordonnee?departement=01&date=${at}` });
      const figures = ain.json().items[0];
      expect(figures.msp).toBe(ainMspBefore + 1);
      expect(figures.mspPour10000).toBeCloseTo((figures.msp / figures.population) * 10_000, 6);

      const csv = await t.app.inject({
        url: `/api/analyses/offre-coordonnee?departement=01&format=csv&date=${at}`,
      });
      expect(csv.headers['content-type']).toContain('text/csv');
      expect(csv.body).toContain('MSP pour 10 000 habitants');

      const bad = await t.app.inject({ url: '/api/analyses/offre-coordonnee?niveau=commune' });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().champs).toHaveProperty('niveau');
    } finally {
      await sql`delete from dynamique where id = ${cls?.id ?? ''}`.execute(t.ctx.database.db);
    }
  });

  it('the GeoJSON export carries the address point beside the perimeter, for the map', async () => {
    // The shipped contours, unless another test loaded them (a shared PostgreSQL database).
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from contour where niveau = 'commune'`.execute(t.ctx.database.db);
    if ((rows[0]?.n ?? 0) === 0) {
      await t.ctx.services.reference.importContours(actor, [shippedLayer('contours.topo.json.gz')], {
        force: true,
      });
    }
    const res = await t.app.inject({ url: '/api/dynamiques?format=geojson&departement=01&date=2024-02-01' });
    expect(res.statusCode).toBe(200);
    type Props = { nom: string; coordonnees?: { longitude: number; latitude: number } };
    const features = (res.json() as { features: { properties: Props }[] }).features;
    const msp = features.find((f) => f.properties.nom.includes('DE BOURG'));
    expect(msp?.properties.coordonnees?.longitude).toBeCloseTo(5.22, 1);
    expect(msp?.properties.coordonnees?.latitude).toBeCloseTo(46.2, 1);
  }, 120_000);

  it('a second run of the same extraction changes nothing and writes no history', async () => {
    const before = await historyCount();
    const again = await t.ctx.services.finess.importSource(actor, FIRST, { dryRun: false });
    expect(again.report).toMatchObject({
      valide: true,
      crees: 0,
      modifies: 0,
      arretes: 0,
      inchanges: 5,
      lot: null,
    });
    expect(await historyCount()).toBe(before);
  });

  it('keeps a perimeter entered by hand for a CPTS', async () => {
    const cpts = (await byFiness()).get('690012345') as Listed;
    const res = await t.app.inject({ url: `/api/dynamiques/${cpts.id}` });
    const { id, version, ...record } = res.json();
    const put = await t.app.inject({
      method: 'PUT',
      url: `/api/dynamiques/${id}`,
      headers: { 'if-match': res.headers.etag as string },
      payload: {
        ...record,
        statut: record.statut,
        perimetre: { communes: ['69123', '69266'] },
        specifique: { ...record.specifique, perimetreAPreciser: null },
      },
    });
    expect(put.statusCode).toBe(200);
  });

  it('a newer extraction (Windows-1252) renames, creates, and stops the absent one at its date', async () => {
    const dry = await t.ctx.services.finess.importSource(actor, SECOND, { dryRun: true });
    expect(dry.report).toMatchObject({ valide: true, dryRun: true, crees: 1, arretes: 1, lot: null });
    expect((await byFiness()).has('2B0000456')).toBe(false);

    const result = await t.ctx.services.finess.importSource(actor, SECOND, { dryRun: false });
    expect(result.report).toMatchObject({ valide: true, crees: 1, modifies: 4, arretes: 1 });
    const found = await byFiness('2024-07-02');
    expect(found.get('010005239')?.nom).toBe('MAISON DE SANTÉ DU BASSIN BRESSAN');
    expect(found.get('2B0000456')?.perimetre.communes).toEqual(['2B033']);
    expect(found.get('2A0000123')?.statut).toBe('arrete');
    const cpts = found.get('690012345') as Listed;
    expect(cpts.perimetre.communes).toEqual(['69123', '69266']);
    expect(cpts.specifique.perimetreAPreciser).toBeUndefined();

    // As of earlier dates, the stopped centre was running, and did not exist before its opening.
    expect((await byFiness('2024-03-01')).get('2A0000123')?.statut).toBe('actif');
    expect((await byFiness('2019-01-01')).has('2A0000123')).toBe(false);
    expect((await byFiness('2024-03-01')).has('2B0000456')).toBe(true);
    expect((await byFiness('2024-02-01')).has('2B0000456')).toBe(false);

    const history = await t.app.inject({ url: `/api/dynamiques/${found.get('2A0000123')?.id}/historique` });
    expect(JSON.stringify(history.json())).toContain('FINESS 2024-07-01');
  });

  it('the same newer extraction again changes nothing; an older one is refused', async () => {
    const again = await t.ctx.services.finess.importSource(actor, SECOND, { dryRun: false });
    expect(again.report).toMatchObject({ crees: 0, modifies: 0, arretes: 0, inchanges: 5 });
    const older = await t.ctx.services.finess.importSource(actor, FIRST, { dryRun: false });
    expect(older.report.valide).toBe(false);
    expect(older.report.erreurs[0]?.message).toMatch(/plus ancienne/);
  });

  it('refuses a truncated file and writes nothing', async () => {
    const result = await t.ctx.services.finess.importSource(
      actor,
      path.join(dir, 'extraction-tronquee.csv'),
      {
        dryRun: false,
      },
    );
    expect(result.report.valide).toBe(false);
    expect(result.report.erreurs[0]?.message).toMatch(/incomplet/);
  });

  it('POST /api/imports/finess checks a file for an importer and refuses visitors', async () => {
    const body = fs.readFileSync(SECOND);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/imports/finess?dryRun=true',
      headers: { 'content-type': 'text/csv' },
      payload: body,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ valide: true, dryRun: true, inchanges: 5, crees: 0 });
    const visitor = await t.anonymous({
      method: 'POST',
      url: '/api/imports/finess?dryRun=true',
      headers: { 'content-type': 'text/csv' },
      payload: body,
    });
    expect([401, 403]).toContain(visitor.statusCode);
  });
});
