import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadingOrder, type SeedDynamic } from '../../src/domain/registry/seed.ts';
import { statusAt } from '../../src/domain/registry/timeline.ts';
import { DEMO_DIR, DEMO_FILES, DemoDataError, readDemoData } from '../../src/registry/demo/demo-files.ts';

const pkg = 'node_modules/@etalab/decoupage-administratif/data';
const readPkg = <T>(name: string): T => JSON.parse(fs.readFileSync(path.join(pkg, name), 'utf8')) as T;
const communes = new Map(
  readPkg<{ code: string; type: string; region?: string }[]>('communes.json')
    .filter((c) => c.type === 'commune-actuelle' || c.type === 'arrondissement-municipal')
    .map((c) => [c.code, c]),
);
const epci = new Map(
  readPkg<{ code: string; membres: { code: string }[] }[]>('epci.json').map((e) => [e.code, e]),
);
const departements = new Map(
  readPkg<{ code: string; region: string }[]>('departements.json').map((d) => [d.code, d]),
);

const data = readDemoData();
const records = data.dynamics.dynamiques;
const byKey = new Map(records.map((r) => [r.cle, r]));
const get = (cle: string) => byKey.get(cle) as SeedDynamic;
const SURVEY = /^Fabrique Territoires Santé — enquête .*2018/;

function regionsOf(r: SeedDynamic): Set<string> {
  const codes = [
    ...r.perimetre.communes,
    ...r.perimetre.epci.flatMap((e) => epci.get(e)?.membres ?? []).map((m) => m.code),
  ];
  return new Set(codes.map((c) => communes.get(c)?.region ?? '?'));
}

describe('data files shipped in data-seed/', () => {
  it('parse with the validation schemas', () => {
    expect(records.length).toBeGreaterThan(80);
    expect(data.counts.decomptes.length).toBeGreaterThan(20);
    expect(data.vintage).toMatch(/^sha256-[0-9a-f]{16}$/);
  });

  it('every record cites the 2018 survey and its verification date', () => {
    for (const r of records) {
      expect(r.sources.length, r.cle).toBeGreaterThan(0);
      expect(
        r.sources.some((s) => SURVEY.test(s.titre) && s.consulte === '2018-03-01'),
        r.cle,
      ).toBe(true);
      expect(r.verification, r.cle).toEqual({
        date: '2018-03-01',
        par: 'Fabrique Territoires Santé (enquête 2018)',
      });
    }
    for (const c of data.counts.decomptes) expect(c.source).toMatch(SURVEY);
  });

  it('every source of the survey snapshot says where in the document the dynamic is named', () => {
    for (const r of records) {
      for (const s of r.sources) {
        // Page and section of the survey, e.g. « p. 9, Auvergne-Rhône-Alpes — … ».
        expect(s.passage, r.cle).toMatch(/^p\. \d+(-\d+)?, .+ — .+/);
        expect((s.passage ?? '').length, r.cle).toBeLessThanOrEqual(200);
      }
    }
  });

  it('a dynamic the survey names without a status is of unknown status, never presumed active', () => {
    const statusEvent = (r: SeedDynamic) => r.evenements.some((e) => e.type !== 'verification' || e.statut);
    const unstated = records.filter((r) => !r.statut && !statusEvent(r)).map((r) => r.cle);
    expect(unstated.sort()).toEqual(
      [
        'ara-echirolles-asv',
        'ara-echirolles-msp',
        'na-eysines-asv',
        'na-mont-de-marsan-asv',
        'na-niort-asv',
        'na-soyaux-asv',
        'na-talence-asv',
        'paca-marseille-msp',
      ].sort(),
    );
    for (const cle of unstated) {
      expect(statusAt(get(cle), '2018-03-01'), cle).toBe('inconnu');
      expect(statusAt(get(cle), '2030-01-01'), cle).toBe('inconnu');
    }
    // Created in 2005, its state in 2018 untold: it did not exist before, and is unknown since.
    expect(statusAt(get('na-eysines-asv'), '2004-12-31')).toBeNull();
    expect(statusAt(get('na-eysines-asv'), '2005-01-01')).toBe('inconnu');
  });

  it('every commune and EPCI code exists in the administrative reference', () => {
    for (const r of records) {
      for (const c of r.perimetre.communes) expect(communes.has(c), `${r.cle} : ${c}`).toBe(true);
      for (const e of r.perimetre.epci) expect(epci.has(e), `${r.cle} : ${e}`).toBe(true);
      if (r.porteur?.type === 'commune') expect(communes.has(r.porteur.code ?? ''), r.cle).toBe(true);
      if (r.porteur?.type === 'epci') expect(epci.has(r.porteur.code ?? ''), r.cle).toBe(true);
    }
  });

  it('every record lies in one of the three surveyed regions, as its key says', () => {
    const prefix: Record<string, string> = { ara: '84', na: '75', paca: '93' };
    for (const r of records) {
      expect([...regionsOf(r)], r.cle).toEqual([prefix[r.cle.split('-')[0] as string]]);
    }
  });

  it('declared counts name existing départements of their region', () => {
    for (const c of data.counts.decomptes) {
      if (c.departement) expect(departements.get(c.departement)?.region, c.departement).toBe(c.region);
      if (c.region) expect(['84', '75', '93']).toContain(c.region);
    }
  });

  it('dates follow the survey: stopped in 2017, second-generation CLS, snapshot of March 2018', () => {
    const villefranche = get('ara-villefranche-asv');
    expect(statusAt(villefranche, '2018-03-01')).toBe('arrete');
    // It lived before it stopped, in a state the survey does not tell.
    expect(statusAt(villefranche, '2016-12-31')).toBe('inconnu');
    expect(villefranche.evenements[0]?.note).toMatch(/2017/);
    expect(get('ara-roannais-cls').specifique.generation).toBe(2);
    const paca = records.filter((r) => r.cle.startsWith('paca-') && r.type === 'CLS');
    expect(paca.filter((r) => statusAt(r, '2018-03-01') === 'actif')).toHaveLength(5);
    // Known from the survey's date only: earlier, every one of them is of unknown status.
    expect(paca.filter((r) => statusAt(r, '2018-02-28') === 'inconnu')).toHaveLength(paca.length);
  });

  it('links name records of the file and can be loaded targets first', () => {
    const ordered = loadingOrder(records) ?? [];
    expect(ordered).toHaveLength(records.length);
    const position = new Map(ordered.map((r, i) => [r.cle, i]));
    for (const r of records) {
      for (const l of r.liens) expect(position.get(l.cible)).toBeLessThan(position.get(r.cle) as number);
    }
    expect(get('ara-villeurbanne-asv').liens).toMatchObject([
      { type: 'integre_a', cible: 'ara-villeurbanne-cls' },
    ]);
  });
});

describe('a broken data file fails loudly', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });

  function withDynamics(edit: (file: { dynamiques: Record<string, unknown>[] }) => void): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'odts-seed-'));
    dirs.push(dir);
    const file = JSON.parse(fs.readFileSync(path.join(DEMO_DIR, DEMO_FILES.dynamiques), 'utf8'));
    edit(file);
    fs.writeFileSync(path.join(dir, DEMO_FILES.dynamiques), JSON.stringify(file));
    fs.copyFileSync(path.join(DEMO_DIR, DEMO_FILES.decomptes), path.join(dir, DEMO_FILES.decomptes));
    return dir;
  }

  it.each([
    ['an unknown kind', (r: Record<string, unknown>) => Object.assign(r, { type: 'ASVX' }), /type inconnu/],
    [
      'an unknown field',
      (r: Record<string, unknown>) => Object.assign(r, { statu: 'actif' }),
      /champ inconnu : statu/,
    ],
    [
      'a bad commune code',
      (r: Record<string, unknown>) => Object.assign(r, { perimetre: { communes: ['6912'] } }),
      /commune/,
    ],
    [
      'a link to a missing key',
      (r: Record<string, unknown>) =>
        Object.assign(r, { liens: [{ type: 'integre_a', cible: 'nulle-part' }] }),
      /clé inconnue : nulle-part/,
    ],
  ])('%s', (_label, edit, message) => {
    const dir = withDynamics((f) => edit(f.dynamiques[0] as Record<string, unknown>));
    expect(() => readDemoData(dir)).toThrow(DemoDataError);
    expect(() => readDemoData(dir)).toThrow(message);
    expect(() => readDemoData(dir)).toThrow(/ara-villefranche-asv/);
  });

  it('a duplicated key and circular links', () => {
    const dup = withDynamics((f) => {
      (f.dynamiques[1] as { cle: string }).cle = (f.dynamiques[0] as { cle: string }).cle;
    });
    expect(() => readDemoData(dup)).toThrow(/clé en double/);
    const cycle = withDynamics((f) => {
      const cls = f.dynamiques.find((r) => r.cle === 'ara-villeurbanne-cls') as Record<string, unknown>;
      cls.liens = [{ type: 'partenaire_de', cible: 'ara-villeurbanne-asv' }];
    });
    expect(() => readDemoData(cycle)).toThrow(/liens circulaires/);
  });

  it('an invalid declared count', () => {
    const dir = withDynamics(() => {});
    const counts = JSON.parse(fs.readFileSync(path.join(dir, DEMO_FILES.decomptes), 'utf8'));
    counts.decomptes[0].nombre = -1;
    fs.writeFileSync(path.join(dir, DEMO_FILES.decomptes), JSON.stringify(counts));
    expect(() => readDemoData(dir)).toThrow(/decomptes-declares-2018\.json[\s\S]*nombre/);
  });
});
