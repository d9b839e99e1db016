import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/domain/actor.ts';
import { createTestApp } from '../helpers/context.ts';
import { clearOptionalLayers, shippedLayer } from '../helpers/reference-layers.ts';
import { removeLots } from '../helpers/registry-cleanup.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
const actor = systemActor('test');

beforeAll(async () => {
  t = await createTestApp();
  await clearOptionalLayers(t.ctx.database.db);
  await t.ctx.services.reference.importContratsVille(actor, shippedLayer('contrats-ville-2024.json.gz'), {
    force: true,
  });
});
afterAll(async () => {
  await removeLots(t.ctx.database.db, 'Contrats de ville créés depuis');
  await clearOptionalLayers(t.ctx.database.db);
  await t.close();
});

describe('contrats de ville become CONTRAT_VILLE dynamics', () => {
  it('creates one dynamic per contract in one change set, then nothing on a second run', async () => {
    const contrats = await t.ctx.services.reference.listContratsVille();
    const first = await t.ctx.services.contratsVille.sync(actor);
    expect(first.crees + first.existants).toBeGreaterThanOrEqual(
      contrats.filter((c) => c.communes.length > 0).length,
    );
    const again = await t.ctx.services.contratsVille.sync(actor);
    expect(again.crees).toBe(0);
    if (first.lot) {
      const lots = (await t.app.inject('/api/lots')).json();
      expect(JSON.stringify(lots)).toContain(first.lot);
    }
  });

  it('a contract on an EPCI covers its member communes and is found by territory', async () => {
    // CN00101I: contrat de ville of the CC Bugey Sud (SIREN 200040350).
    const res = await t.app.inject({
      url: '/api/dynamiques',
      query: { type: 'CONTRAT_VILLE', territoire: 'epci:200040350' },
    });
    const items = res.json().items as {
      nom: string;
      perimetre: { epci: string[]; communes: string[] };
      specifique: { codeContratVille?: string };
      sources: { titre: string }[];
    }[];
    const cv = items.find((i) => i.specifique.codeContratVille === 'CN00101I');
    expect(cv).toBeDefined();
    expect(cv?.nom).toBe('Contrat de ville CC Bugey Sud');
    expect(cv?.perimetre.epci).toEqual(['200040350']);
    expect(cv?.perimetre.communes.length).toBeGreaterThan(10);
    expect(cv?.sources[0]?.titre).toMatch(/ANCT/);
  });

  it('a contract of the 2024 generation starts on its generation date, not at the beginning of time', async () => {
    const at = async (date: string) => {
      const res = await t.app.inject({
        url: '/api/dynamiques',
        query: { type: 'CONTRAT_VILLE', territoire: 'epci:200040350', date },
      });
      const items = res.json().items as { statut: string; specifique: { codeContratVille?: string } }[];
      return items.find((i) => i.specifique.codeContratVille === 'CN00101I');
    };
    expect(await at('2023-12-31')).toBeUndefined();
    expect((await at('2024-01-01'))?.statut).toBe('actif');
    expect((await at('2031-01-01'))?.statut).toBe('echue');
  });
});
