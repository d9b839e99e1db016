import { describe, expect, it } from 'vitest';
import { analyseGrid, durationYears, type GridAction } from '../../src/domain/actions/grid-analysis.ts';

const action = (a: Partial<GridAction>): GridAction => ({
  echelle: null,
  milieu: null,
  qpv: false,
  impliqueVille: false,
  financeurs: [],
  politiques: [],
  debut: null,
  fin: null,
  dynamiques: [],
  ...a,
});

// Six actions built by hand; every expected figure below was counted on paper from this table.
//      milieu  qpv  échelle   ville  financeurs                  politiques        dates            dynamiques
// A1   urbain  oui  quartier  oui    ARS, collectivité           PRS, contrat_ville 2010→2014 (4)   ASV porteur
// A2   urbain  non  commune   oui    ARS, collectivité, État     CLS               2012→2014 (2)    ASV partenaire, CLS porteur
// A3   rural   non  interco   non    organisme social            —                 2016→2022 (6)    —
// A4   urbain  oui  commune   oui    —                           PRU               sans début       CLS partenaire
// A5   mixte   non  —         non    collectivité ×2             PNNS, PLSP        2008→(2020) (12) —
// A6   —       non  commune   oui    ARS, État                   —                 2018→2019 (1)    ASV porteur et partenaire
const SET: GridAction[] = [
  action({
    milieu: 'urbain',
    qpv: true,
    echelle: 'quartier',
    impliqueVille: true,
    financeurs: [{ type: 'ARS' }, { type: 'collectivite' }],
    politiques: ['PRS', 'contrat_ville'],
    debut: '2010-01-01',
    fin: '2014-01-01',
    dynamiques: [{ role: 'porteur', type: 'ASV' }],
  }),
  action({
    milieu: 'urbain',
    echelle: 'commune',
    impliqueVille: true,
    financeurs: [{ type: 'ARS' }, { type: 'collectivite' }, { type: 'etat' }],
    politiques: ['CLS'],
    debut: '2012-01-01',
    fin: '2014-01-01',
    dynamiques: [
      { role: 'partenaire', type: 'ASV' },
      { role: 'porteur', type: 'CLS' },
    ],
  }),
  action({
    milieu: 'rural',
    echelle: 'intercommunalite',
    financeurs: [{ type: 'organisme_social' }],
    debut: '2016-01-01',
    fin: '2022-01-01',
  }),
  action({
    milieu: 'urbain',
    qpv: true,
    echelle: 'commune',
    impliqueVille: true,
    politiques: ['PRU'],
    dynamiques: [{ role: 'partenaire', type: 'CLS' }],
  }),
  action({
    milieu: 'mixte',
    financeurs: [{ type: 'collectivite' }, { type: 'collectivite' }],
    politiques: ['PNNS', 'PLSP'],
    debut: '2008-01-01',
  }),
  action({
    echelle: 'commune',
    impliqueVille: true,
    financeurs: [{ type: 'ARS' }, { type: 'etat' }],
    debut: '2018-01-01',
    fin: '2019-01-01',
    dynamiques: [
      { role: 'porteur', type: 'ASV' },
      { role: 'partenaire', type: 'ASV' },
    ],
  }),
];
const TODAY = '2020-01-01';

describe('grid analyses of the 2018 survey, on a set counted by hand', () => {
  const r = analyseGrid(SET, TODAY);

  it('settings and QPV', () => {
    expect(r.total).toBe(6);
    expect(r.partUrbain).toBe(0.5);
    expect(r.partRural).toBe(0.1667);
    expect(r.parMilieu).toEqual({ urbain: 0.5, rural: 0.1667, mixte: 0.1667, non_renseigne: 0.1667 });
    expect(r.partQpv).toBe(0.3333);
    // Two of the three urban actions are in a QPV.
    expect(r.partQpvParmiUrbain).toBe(0.6667);
  });

  it('scales', () => {
    expect(r.parEchelle).toEqual({
      quartier: 0.1667,
      commune: 0.5,
      intercommunalite: 0.1667,
      departement: 0,
      region: 0,
      non_renseigne: 0.1667,
    });
  });

  it('dynamics involved, by kind and role, and the city', () => {
    expect(r.partAvecDynamique).toBe(0.6667);
    expect(r.parDispositif).toEqual({
      ASV: { part: 0.5, partPorteur: 0.3333, partPartenaire: 0.3333 },
      CLS: { part: 0.3333, partPorteur: 0.1667, partPartenaire: 0.1667 },
    });
    expect(r.partVille).toBe(0.6667);
  });

  it('funding: funded, multi-funded, each type’s share of mentions and of actions', () => {
    expect(r.partFinancees).toBe(0.8333);
    expect(r.partMultiFinancees).toBe(0.6667);
    expect(r.mentionsFinanceurs).toBe(10);
    expect(r.financeurs).toEqual([
      { type: 'ARS', mentions: 3, partMentions: 0.3, actions: 3, partActions: 0.5 },
      { type: 'collectivite', mentions: 4, partMentions: 0.4, actions: 3, partActions: 0.5 },
      { type: 'etat', mentions: 2, partMentions: 0.2, actions: 2, partActions: 0.3333 },
      { type: 'organisme_social', mentions: 1, partMentions: 0.1, actions: 1, partActions: 0.1667 },
      { type: 'europe', mentions: 0, partMentions: 0, actions: 0, partActions: 0 },
      { type: 'fondation', mentions: 0, partMentions: 0, actions: 0, partActions: 0 },
      { type: 'autre', mentions: 0, partMentions: 0, actions: 0, partActions: 0 },
    ]);
  });

  it('most frequent funder pairs first', () => {
    expect(r.pairesFinanceurs).toEqual([
      { types: ['ARS', 'collectivite'], nombre: 2, part: 0.3333 },
      { types: ['ARS', 'etat'], nombre: 2, part: 0.3333 },
      { types: ['collectivite', 'etat'], nombre: 1, part: 0.1667 },
    ]);
  });

  it('linked public policies', () => {
    expect(r.politiquesLiees.nombre).toBe(4);
    expect(r.politiquesLiees.part).toBe(0.6667);
    // Four of the six mentions are health policies (PRS, CLS, PNNS, PLSP).
    expect(r.politiquesLiees.partSante).toBe(0.6667);
    expect(r.politiquesLiees.parPolitique).toMatchObject({
      PRS: 0.1667,
      contrat_ville: 0.1667,
      CLS: 0.1667,
      PRU: 0.1667,
      PNNS: 0.1667,
      PLSP: 0.1667,
      PTSM: 0,
    });
  });

  it('durations: an action without end runs until today, one without start is left out', () => {
    // 4, 2.0014, 6.0014, 12 and 0.9993 years: mean 5.0004, median 4.
    expect(r.duree).toEqual({ nombre: 5, moyenne: 5, mediane: 4, min: 1, max: 12 });
  });

  it('durations in years are days / 365.25', () => {
    expect(durationYears('2010-01-01', '2014-01-01')).toBe(4);
    expect(durationYears('2018-01-01', '2018-07-02')).toBeCloseTo(182 / 365.25, 10);
  });

  it('an even number of durations takes the middle two for the median', () => {
    const two = analyseGrid(
      [
        action({ debut: '2010-01-01', fin: '2014-01-01' }),
        action({ debut: '2010-01-01', fin: '2012-01-01' }),
      ],
      TODAY,
    );
    expect(two.duree).toMatchObject({ mediane: 3, moyenne: 3, min: 2, max: 4 });
  });

  it('an empty set answers zeros and no duration', () => {
    const empty = analyseGrid([], TODAY);
    expect(empty).toMatchObject({ total: 0, partUrbain: 0, partMultiFinancees: 0, pairesFinanceurs: [] });
    expect(empty.duree).toEqual({ nombre: 0, moyenne: null, mediane: null, min: null, max: null });
  });
});
