import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/domain/actor.ts';
import { noticeInput } from '../../src/domain/resources/schemas.ts';
import { seedSelection } from '../../src/resources/seed/seed-selections.ts';
import { newMarker } from '../factories/notices.ts';
import { createTestContext } from '../helpers/context.ts';

const actor = systemActor('test');
let ctx: Awaited<ReturnType<typeof createTestContext>>;
const m = newMarker();
const ids = new Map<string, string>();

beforeAll(async () => {
  ctx = await createTestContext();
  const seeds = [
    {
      cle: 'loi-2016',
      type: 'texte_officiel',
      titre: `${m} Loi de modernisation du système de santé`,
      date: '2016-01-26',
    },
    { cle: 'guide-cls', type: 'guide', titre: `${m} Guide des CLS`, date: '2019' },
    {
      cle: 'site-fts',
      type: 'page_web',
      titre: `${m} Fabrique Territoires Santé`,
      url: 'https://fts.example.org/',
    },
  ];
  const { ids: created } = await ctx.services.resources.notices.createMany(
    actor,
    seeds.map(({ cle: _c, ...n }) => noticeInput.parse(n)),
    { description: 'notices de test' },
  );
  for (const [i, s] of seeds.entries()) ids.set(s.cle, created[i] as string);
});
afterAll(() => ctx.close());

const seed = () => ({
  titre: `${m} Bibliographie des contrats locaux de santé`,
  date: '2023-06',
  auteurs: ['Ireps Bourgogne-Franche-Comté'],
  introduction: 'Repères sur les CLS, du cadre légal [[loi-2016]] aux outils.',
  sections: [
    { titre: '1. Textes de loi', notices: ['loi-2016'], sections: [] },
    {
      titre: '2. Outils',
      notices: ['guide-cls'],
      sections: [{ titre: '2.1 Sites', notices: ['site-fts'], sections: [] }],
    },
  ],
});

describe('seedSelection', () => {
  it('creates the sélection once, in the document’s order, with citations resolved', async () => {
    const service = ctx.services.resources.selections;
    const first = await seedSelection(service, actor, seed(), ids);
    expect(first.created).toBe(true);
    const again = await seedSelection(service, actor, seed(), ids);
    expect(again).toEqual({ created: false, id: first.id });
    expect((await service.list(actor, { q: m, page: 1, limit: 10 })).total).toBe(1);

    const stored = await service.get(actor, first.id);
    expect(stored.auteurs).toEqual([{ organisation: 'Ireps Bourgogne-Franche-Comté' }]);
    expect(stored.sections[1]?.sections[0]?.notices).toEqual([
      { notice: ids.get('site-fts'), commentaire: null, consulteLe: null },
    ]);
    expect(stored.sections[0]?.ordre).toBe('manuel');
    const doc = await service.document(actor, first.id);
    expect(doc.sommaire.map((l) => l.libelle)).toEqual(['1. Textes de loi', '2. Outils', '2.1 Sites']);
    expect(doc.introduction[0]).toEqual([
      { text: 'Repères sur les CLS, du cadre légal ' },
      { cite: [1] },
      { text: ' aux outils.' },
    ]);
    const html = (await service.export(actor, first.id, 'html')).body.toString();
    expect(html).toContain('Ireps Bourgogne-Franche-Comté');
    await service.remove(actor, first.id, stored.version);
  });

  it('an unknown notice key → 400 naming it, nothing written', async () => {
    const bad = {
      ...seed(),
      titre: `${m} Autre`,
      sections: [{ titre: 'A', notices: ['absente'], sections: [] }],
    };
    await expect(seedSelection(ctx.services.resources.selections, actor, bad, ids)).rejects.toMatchObject({
      kind: 'invalid',
      champs: { 'sections.0.notices.0': 'clé de notice inconnue : absente' },
    });
    expect(
      (await ctx.services.resources.selections.list(actor, { q: `${m} Autre`, page: 1, limit: 10 })).total,
    ).toBe(0);
  });
});
