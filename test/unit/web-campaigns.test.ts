import { describe, expect, it } from 'vitest';
import { campaignInput } from '../../src/domain/campaigns/schemas.ts';
import { CAMPAIGN_TEMPLATES } from '../../src/domain/campaigns/templates.ts';
import { CAMPAIGN_FIELDS } from '../../src/domain/campaigns/vocabulary.ts';
import { drawAnswers, rateLevel } from '../../web/src/pages/campaigns/answerMap.ts';
import {
  anchorOf,
  applyTemplate,
  emptyDraft,
  inputFromDraft,
  questionId,
} from '../../web/src/pages/campaigns/draft.ts';
import { parseRecipientList } from '../../web/src/pages/campaigns/recipientList.ts';

describe('recipient lists typed or read from a CSV file', () => {
  it('reads one email;nom;ids per line, name and dynamics optional, header and blank lines skipped', () => {
    const text =
      '\uFEFFemail;nom;dynamiques\r\na@exemple.fr;Anne Martin;d1, d2,d1\n\nb@exemple.fr\n"c@exemple.fr";"Dupont; Claire";d3\n';
    const { recipients, problems } = parseRecipientList(text);
    expect(problems).toEqual([]);
    expect(recipients).toEqual([
      { email: 'a@exemple.fr', nom: 'Anne Martin', dynamiques: ['d1', 'd2'] },
      { email: 'b@exemple.fr', nom: null, dynamiques: [] },
      { email: 'c@exemple.fr', nom: 'Dupont; Claire', dynamiques: ['d3'] },
    ]);
  });

  it('names the line of a bad address and of an address given twice', () => {
    const { recipients, problems } = parseRecipientList('a@exemple.fr;A\npas-une-adresse;B\nA@exemple.fr;C');
    expect(recipients.map((r) => r.email)).toEqual(['a@exemple.fr']);
    expect(problems).toEqual([
      { ligne: 2, message: 'adresse électronique invalide : « pas-une-adresse »' },
      { ligne: 3, message: 'adresse « A@exemple.fr » déjà donnée ligne 1' },
    ]);
  });
});

describe('campaign form draft', () => {
  const today = '2026-03-02';

  it('fills kinds, fields, questions and message from a template, and builds a valid body', () => {
    const template = CAMPAIGN_TEMPLATES[0];
    if (!template) throw new Error('no template');
    const draft = {
      ...applyTemplate(emptyDraft(CAMPAIGN_FIELDS, today), template),
      nom: 'Recensement 2026',
      departements: ['19'],
    };
    expect(draft.cloture).toBe('2026-04-01');
    const { body } = inputFromDraft(draft);
    expect(body.questions?.map((q) => q.id)).toEqual(template.questions.map((q) => q.id));
    expect(body.questions?.[0]?.options).toEqual(template.questions[0]?.options);
    expect(body).not.toHaveProperty('destinataires');
    const parsed = campaignInput.safeParse(body);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
  });

  it('gives new questions an identifier from their wording, options only to choices', () => {
    const draft = {
      ...emptyDraft(CAMPAIGN_FIELDS, today),
      questions: [
        {
          key: 'a',
          id: '',
          libelle: 'Nombre de professionnels',
          type: 'nombre' as const,
          options: 'x',
          obligatoire: false,
        },
        {
          key: 'b',
          id: '',
          libelle: 'Nombre de professionnels',
          type: 'choix' as const,
          options: ' Oui \n\nNon',
          obligatoire: true,
        },
        {
          key: 'c',
          id: '',
          libelle: '2e question ?',
          type: 'texte' as const,
          options: '',
          obligatoire: false,
        },
      ],
    };
    const qs = inputFromDraft(draft).body.questions ?? [];
    expect(qs.map((q) => q.id)).toEqual([
      'nombre_de_professionnels',
      'nombre_de_professionnels_2',
      'e_question',
    ]);
    expect(qs.map((q) => q.options)).toEqual([[], ['Oui', 'Non'], []]);
    expect(questionId('', new Set())).toBe('question');
  });

  it('sends the typed list only when the list is chosen, with its problems', () => {
    const draft = { ...emptyDraft(CAMPAIGN_FIELDS, today), recipientText: 'x@exemple.fr;X;d1\nfaux' };
    expect(inputFromDraft(draft).body).not.toHaveProperty('destinataires');
    const listed = inputFromDraft({ ...draft, source: 'liste' });
    expect(listed.body.destinataires).toEqual([{ email: 'x@exemple.fr', nom: 'X', dynamiques: ['d1'] }]);
    expect(listed.problems).toHaveLength(1);
  });

  it('leads each server error path to its field', () => {
    expect(anchorOf('questions.2.options')).toBe('question-2-options');
    expect(anchorOf('questions.0.id')).toBe('question-0-libelle');
    expect(anchorOf('departements.0')).toBe('champ-departements');
    expect(anchorOf('destinataires.3.email')).toBe('champ-destinataires');
    expect(anchorOf('cloture')).toBe('champ-cloture');
  });
});

describe('map of answered départements', () => {
  it('shades by quarter of recipients who answered, none when nobody was asked', () => {
    expect([
      rateLevel(0, 10),
      rateLevel(1, 10),
      rateLevel(3, 10),
      rateLevel(5, 10),
      rateLevel(10, 10),
    ]).toEqual([0, 1, 2, 3, 4]);
    expect(rateLevel(0, 0)).toBe(0);
  });

  it('projects départements into the drawing and keeps their rate', () => {
    const square = (code: string, x: number) => ({
      type: 'Feature' as const,
      properties: { code, nom: `Département ${code}` },
      geometry: {
        type: 'Polygon' as const,
        coordinates: [
          [
            [x, 45],
            [x + 1, 45],
            [x + 1, 46],
            [x, 46],
            [x, 45],
          ],
        ],
      },
    });
    const drawing = drawAnswers(
      [{ type: 'FeatureCollection', features: [square('19', 1), square('23', 2)] }],
      new Map([['23', { repondus: 2, destinataires: 2 }]]),
      200,
    );
    expect(drawing.shapes.map((s) => [s.code, s.level, s.rate])).toEqual([
      ['19', 0, null],
      ['23', 4, 1],
    ]);
    expect(drawing.shapes[0]?.d.startsWith('M0.0,')).toBe(true);
    expect(drawing.height).toBeGreaterThan(0);
    expect(drawAnswers([], new Map()).shapes).toEqual([]);
  });
});
