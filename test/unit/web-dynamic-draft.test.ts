import { describe, expect, it } from 'vitest';
import { dynamicInput } from '../../src/domain/registry/schemas.ts';
import {
  changedByUser,
  draftFromDynamic,
  EMPTY_DRAFT,
  inputFromDraft,
} from '../../web/src/pages/edit/draft.ts';

type Presented = Parameters<typeof draftFromDynamic>[0];

const stored = {
  id: 'd1',
  version: 3,
  type: 'CLS',
  nom: 'Contrat local de santé de Roanne',
  statut: 'actif',
  statutSaisi: 'actif',
  porteur: { nom: 'Ville de Roanne', type: 'commune', code: '42187' },
  perimetre: { communes: ['42187'], communesSaisies: ['42187'], epci: [], departements: [], qpv: [] },
  dateDebut: '2015-03-01',
  dateFin: null,
  evenements: [],
  sources: [],
  coordination: [
    {
      intitule: 'Coordinatrice CLS',
      etp: 0.5,
      financeurs: ['ARS', 'Ville'],
      debut: '2016-01-01',
      fin: null,
      vacant: false,
    },
  ],
  liens: [],
  signataires: [],
  contacts: [
    {
      nom: 'Camille Martin',
      role: 'coordinatrice',
      email: 'c.martin@example.org',
      telephone: null,
      public: true,
    },
  ],
  specifique: {},
  fraicheur: { verifieLe: null, verifiePar: null },
} as unknown as Presented;

describe('the dynamic edit form: coordination posts and contacts', () => {
  it('a stored record goes through the form unchanged and passes the API schema', () => {
    const draft = draftFromDynamic(stored);
    expect(draft.coordination[0]).toMatchObject({ etp: '0,5', financeurs: 'ARS, Ville', vacant: false });
    const body = inputFromDraft(draft);
    expect(body.coordination).toEqual([
      {
        intitule: 'Coordinatrice CLS',
        etp: 0.5,
        financeurs: ['ARS', 'Ville'],
        debut: '2016-01-01',
        fin: null,
        vacant: false,
      },
    ]);
    expect(body.contacts).toEqual([
      {
        nom: 'Camille Martin',
        role: 'coordinatrice',
        email: 'c.martin@example.org',
        telephone: null,
        public: true,
      },
    ]);
    expect(dynamicInput.safeParse(body).success).toBe(true);
  });

  it('a post typed in the form becomes numbers and lists; the change is named for the conflict screen', () => {
    const base = draftFromDynamic(stored);
    const mine = {
      ...base,
      coordination: [
        ...base.coordination,
        {
          intitule: 'Animateur santé mentale',
          etp: '0,2',
          financeurs: ' ARS ,, CPAM ',
          debut: '',
          fin: '',
          vacant: true,
        },
      ],
    };
    const posts = inputFromDraft(mine).coordination as { etp: number | null; financeurs: string[] }[];
    expect(posts[1]).toMatchObject({ etp: 0.2, financeurs: ['ARS', 'CPAM'], vacant: true, debut: null });
    expect(changedByUser(base, mine)).toEqual(['coordination']);
  });

  it('an invalid e-mail reaches the server as typed, so that its message names the field', () => {
    const draft = {
      ...EMPTY_DRAFT,
      contacts: [{ nom: 'X', role: '', email: 'pas-une-adresse', telephone: '', public: false }],
    };
    const parsed = dynamicInput.safeParse({
      ...inputFromDraft(draft),
      type: 'CLS',
      nom: 'N',
      perimetre: { communes: ['42187'], epci: [], departements: [], qpv: [] },
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join('.'))).toContain('contacts.0.email');
  });
});

describe('the dynamic edit form: sources', () => {
  it('keeps the passage of a source (page, section) through the form, and the API bounds it', () => {
    const withSource = {
      ...stored,
      sources: [{ titre: 'Enquête 2018', url: null, consulte: '2018-03-01', passage: 'p. 7, ASV' }],
    } as unknown as Presented;
    const draft = draftFromDynamic(withSource);
    expect(draft.sources[0]?.passage).toBe('p. 7, ASV');
    const body = inputFromDraft({ ...draft, sources: draft.sources.map((s) => ({ ...s, passage: '' })) });
    expect(body.sources).toEqual([
      { titre: 'Enquête 2018', url: null, consulte: '2018-03-01', passage: null },
    ]);
    const long = { ...inputFromDraft(draft), sources: [{ titre: 'Enquête', passage: 'x'.repeat(201) }] };
    const parsed = dynamicInput.safeParse(long);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['sources', 0, 'passage']);
    expect(parsed.error?.issues[0]?.message).toContain('passage');
  });
});
