import { describe, expect, it } from 'vitest';
import { actionMatcher, countFacets } from '../../src/domain/actions/action-filter.ts';
import { ActionIndex } from '../../src/domain/actions/action-index.ts';
import { catalogueAction } from '../../src/domain/actions/catalogue-action.ts';
import { actionFilters, actionInput } from '../../src/domain/actions/schemas.ts';

const pick = <T>(list: readonly T[], i: number) => list[i % list.length] as T;

/** `n` actions whose fields cycle through the vocabularies at different paces. */
function actions(n: number) {
  return Array.from({ length: n }, (_, i) =>
    catalogueAction({
      id: `a${String(i).padStart(3, '0')}`,
      doc: actionInput.parse({
        type: pick(['fiche_action', 'recit_experience', 'fiche_inspirante'], i),
        titre: `${pick(['Médiation', 'atelier', 'Épicerie', 'vrac'], i)} ${i}`,
        echelle: pick(['commune', 'quartier', null, 'departement'], i),
        territoire: { qpv: i % 9 === 0 ? ['QN04201M'] : [] },
        ressources: i % 8 === 0 ? ['n1'] : [],
        milieu: pick(['urbain', 'rural', null], i),
        qpv: i % 5 === 0,
        publics: i % 2 ? ['jeunes'] : ['habitants', 'familles'],
        financeurs: i % 4 === 0 ? [] : [{ type: pick(['ARS', 'collectivite', 'etat'], i) }, { type: 'ARS' }],
        politiques: i % 3 === 0 ? ['CLS'] : [],
        debut: `${2000 + (i % 20)}-01-01`,
        fin: i % 6 === 0 ? null : `${2001 + (i % 20) + (i % 5)}-06-01`,
      }),
      version: 1,
      creeLe: '2024-01-01T00:00:00.000Z',
      modifieLe: `2024-01-${String(1 + (i % 28)).padStart(2, '0')}T00:00:00.000Z`,
      geo: {
        communes: [pick(['42218', '69123', '13055'], i)],
        epci: [],
        departements: [pick(['42', '69', '13'], i)],
        regions: [pick(['84', '84', '93'], i)],
      },
      dynamiques:
        i % 7 === 0
          ? [{ id: `d${i % 2}`, role: pick(['porteur', 'partenaire'] as const, i), type: 'ASV', nom: null }]
          : [],
    }),
  );
}

const QUERIES: Record<string, string>[] = [
  {},
  { type: 'fiche_action' },
  { type: 'fiche_action,recit_experience', milieu: 'rural' },
  { echelle: 'quartier' },
  { qpv: 'true' },
  { qpv: 'false', financeur: 'etat' },
  { public: 'jeunes,familles' },
  { politique: 'CLS', region: '84' },
  { departement: '13' },
  { dispositif: 'ASV' },
  { dispositif: 'ASV', role: 'porteur' },
  { q: 'mediation' },
  { q: 'vrac', anneeMin: '2015' },
  { anneeMax: '2005' },
  { enCours: 'true' },
  { territoire: 'commune:69123' },
  { dynamique: 'd1' },
  { type: 'intervention' },
  { financeur: 'europe' },
  // More than half of the actions: counted as the whole set minus the others.
  { qpv: 'false' },
  { anneeMin: '2022' },
  { territoire: 'departement:42' },
  { territoire: 'region:93', type: 'fiche_action' },
  { territoire: 'qpv:QN04201M' },
  { ressource: 'n1' },
  { dynamique: 'd0', dispositif: 'ASV', role: 'partenaire' },
  { milieu: 'urbain,rural' },
];

describe('the index answers like the matcher, facets included', () => {
  for (const n of [0, 1, 31, 32, 64, 65, 150]) {
    it(`${n} actions`, () => {
      const all = actions(n);
      const index = new ActionIndex(all);
      for (const raw of QUERIES) {
        const f = actionFilters.parse(raw);
        const expected = all.filter(actionMatcher(f, '2020-01-01'));
        const bits = index.search(f, '2020-01-01');
        expect(index.count(bits), JSON.stringify(raw)).toBe(expected.length);
        expect(new Set(index.members(bits).map((a) => a.id))).toEqual(new Set(expected.map((a) => a.id)));
        expect(index.facets(bits), JSON.stringify(raw)).toEqual(countFacets(expected));
      }
    });
  }

  it('pages in the order asked: title folded, start most recent first, last modified first', () => {
    const all = actions(40);
    const index = new ActionIndex(all);
    const bits = index.search(actionFilters.parse({}), '2020-01-01');
    const titles = index.page(bits, 'titre', 0, 40).map((a) => a.titleKey);
    expect(titles).toEqual([...titles].sort());
    expect(titles[0]?.startsWith('atelier')).toBe(true);
    const starts = index.page(bits, 'debut', 0, 40).map((a) => a.doc.debut ?? '');
    expect(starts).toEqual([...starts].sort().reverse());
    const second = index.page(bits, 'titre', 10, 10);
    expect(second.map((a) => a.titleKey)).toEqual(titles.slice(10, 20));
  });
});
