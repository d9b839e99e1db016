import { describe, expect, it } from 'vitest';
import { checkAnswer } from '../../src/domain/campaigns/answer-check.ts';
import { applyProposal, diffProposal, newDynamicRecord } from '../../src/domain/campaigns/proposal-diff.ts';
import { type AnswerInput, answerInput, type CampaignQuestion } from '../../src/domain/campaigns/schemas.ts';
import { CAMPAIGN_FIELDS } from '../../src/domain/campaigns/vocabulary.ts';
import { type DynamicInput, dynamicInput } from '../../src/domain/registry/schemas.ts';

const record = (over: Record<string, unknown> = {}): DynamicInput =>
  dynamicInput.parse({
    type: 'CLS',
    nom: 'CLS de Tulle',
    statut: 'actif',
    perimetre: { communes: ['19272', '19031'] },
    dateDebut: '2015-03-01',
    ...over,
  });

const view = (doc: DynamicInput) => ({ doc, recordedOn: '2020-01-01' });
const TODAY = '2026-12-05';
const ctx = { label: 'campagne « Test »', today: TODAY, recordedOn: '2020-01-01' };

describe('proposal diff', () => {
  it('tells a proposed change from a registry change made after the form was opened', () => {
    const base = record();
    const now = record({ dateFin: '2027-12-31' });
    const diff = diffProposal(CAMPAIGN_FIELDS, view(base), view(now), { nom: 'CLS de Tulle Agglo' }, TODAY);
    const by = Object.fromEntries(diff.map((d) => [d.champ, d]));
    expect(by.nom).toMatchObject({ modifie: true, registreModifie: false, propose: 'CLS de Tulle Agglo' });
    expect(by.dateFin).toMatchObject({ modifie: false, registreModifie: true, registre: '2027-12-31' });
    expect(by.statut?.registre).toEqual({ valeur: 'actif' });
  });

  it('does not count a re-ordered perimeter or an unchanged status as a change', () => {
    const doc = record();
    const diff = diffProposal(
      CAMPAIGN_FIELDS,
      view(doc),
      view(doc),
      {
        perimetre: { communes: ['19031', '19272'], epci: [], departements: [], qpv: [] },
        statut: { valeur: 'actif', date: '2026-01-01' },
      },
      TODAY,
    );
    expect(diff.filter((d) => d.modifie)).toEqual([]);
  });
});

describe('merging a proposal', () => {
  it('applies accepted fields only and dates the verification by the campaign', () => {
    const out = applyProposal(record(), { nom: 'Nouveau nom', dateFin: '2030-01-01' }, ['nom'], ctx);
    expect(out.nom).toBe('Nouveau nom');
    expect(out.dateFin ?? null).toBeNull();
    expect(out.verification).toEqual({ date: TODAY, par: 'campagne « Test »' });
  });

  it('turns a declared stop into a dated event, dating the declared past first', () => {
    const out = applyProposal(
      record(),
      { statut: { valeur: 'arrete', date: '2026-06-30' } },
      ['statut'],
      ctx,
    );
    expect(out.statut).toBe('arrete');
    expect(out.evenements).toEqual([
      expect.objectContaining({ date: '2015-03-01', type: 'creation', statut: 'actif' }),
      expect.objectContaining({ date: '2026-06-30', type: 'arret', statut: 'arrete' }),
    ]);
  });

  it('records a resumption after a suspension as such', () => {
    const doc = record({
      statut: null,
      evenements: [{ date: '2024-01-01', type: 'suspension', statut: 'suspendu' }],
    });
    const out = applyProposal(doc, { statut: { valeur: 'actif', date: '2026-02-01' } }, ['statut'], ctx);
    expect(out.evenements.at(-1)).toMatchObject({ type: 'reprise', statut: 'actif', date: '2026-02-01' });
    expect(out.evenements).toHaveLength(2);
  });

  it('builds a valid registry record from a declared dynamic', () => {
    const out = newDynamicRecord(
      {
        type: 'CLSM',
        nom: 'CLSM de Brive',
        statut: { valeur: 'en_projet', date: '2026-09-01' },
        perimetre: { communes: ['19031'], epci: [], departements: [], qpv: [] },
        contacts: [],
      },
      ctx,
    );
    expect(dynamicInput.safeParse(out).success).toBe(true);
    expect(out.sources[0]?.titre).toBe('campagne « Test »');
  });
});

describe('answer checks', () => {
  const questions: CampaignQuestion[] = [
    { id: 'n', libelle: 'Nombre', type: 'nombre', options: [], obligatoire: true },
    { id: 'm', libelle: 'Multiples', type: 'choix_multiples', options: ['a', 'b'], obligatoire: false },
    { id: 'd', libelle: 'Date', type: 'date', options: [], obligatoire: false },
  ];
  const campaign = { champs: ['nom', 'statut'] as const, questions, types: ['CLS'] };
  const parse = (v: unknown): AnswerInput => answerInput.parse(v);

  it('accepts a draft with missing answers but not a submission', () => {
    const draft = parse({ dynamiques: [], questions: {} });
    expect(checkAnswer(campaign, ['x'], draft, false)).toEqual({});
    expect(checkAnswer(campaign, ['x'], draft, true)).toEqual({
      'questions.n': 'réponse obligatoire',
      'dynamiques.x': expect.any(String),
    });
  });

  it('names fields outside the campaign, unknown questions and ill-typed answers', () => {
    const a = parse({
      dynamiques: [{ id: 'x', decision: 'corrigee', proposition: { dateFin: '2030-01-01' } }],
      nouvelles: [
        {
          type: 'MSP',
          nom: 'MSP',
          statut: { valeur: 'actif', date: '2026-01-01' },
          perimetre: { communes: ['19031'] },
        },
      ],
      questions: { n: 'douze', m: ['c'], d: '12/01/2026', z: 'x' },
    });
    expect(checkAnswer(campaign, ['x'], a, false)).toEqual({
      'dynamiques.0.proposition.dateFin': 'champ non demandé par cette campagne',
      'nouvelles.0.type': expect.stringContaining('CLS'),
      'questions.z': 'question inconnue',
      'questions.n': 'nombre attendu',
      'questions.m': expect.stringContaining('a, b'),
      'questions.d': expect.stringContaining('AAAA-MM-JJ'),
    });
  });
});
