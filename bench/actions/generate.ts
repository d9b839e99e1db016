import type { ActionInputRaw } from '../../src/domain/actions/schemas.ts';
import {
  ACTION_AUDIENCES,
  ACTION_TYPES,
  DETERMINANTS,
  OTTAWA_AXES,
  PARTNER_TYPES,
  POLICIES,
  PROJECT_STEPS,
} from '../../src/domain/actions/vocabulary.ts';
import { THEMES } from '../../src/domain/resources/vocabulary.ts';
import type { CogReference } from '../generate/cog.ts';
import { Rng } from '../generate/prng.ts';

const WORDS = [
  'médiation',
  'santé',
  'quartier',
  'jeunes',
  'alimentation',
  'prévention',
  'parentalité',
  'logement',
  'accès aux droits',
  'santé mentale',
  'activité physique',
  'vaccination',
  'dépistage',
  'habitants',
  'ateliers',
];

const date = (rng: Rng, from: number, to: number) =>
  `${rng.int(from, to)}-${String(rng.int(1, 12)).padStart(2, '0')}-01`;

/**
 * `count` actions spread over the whole country, deterministic for a seed: the mix of the 2018 survey
 * (mostly urban communes, some EPCI, a few départements), one to three funders, policies and grid codes.
 */
export function generateActions(cog: CogReference, count: number, seed = 'actions'): ActionInputRaw[] {
  const rng = new Rng(seed);
  const towns = cog.communes.filter((c) => c.population >= 10_000);
  const villages = cog.communes.filter((c) => c.population < 2_000);
  return Array.from({ length: count }, (_, i) => {
    const scale = rng.weighted({ commune: 6, quartier: 1, intercommunalite: 2, departement: 1 });
    const territoire =
      scale === 'intercommunalite'
        ? { epci: [rng.pick(cog.epci).code] }
        : { communes: [rng.pick(rng.chance(0.85) ? towns : villages).code] };
    const start = date(rng, 2000, 2023);
    const end = rng.chance(0.4) ? null : date(rng, Number(start.slice(0, 4)) + 1, 2026);
    return {
      type: rng.pick(ACTION_TYPES),
      titre: `${rng.sample(WORDS, 3).join(' ')} ${i}`,
      resume: `Action de ${rng.sample(WORDS, 4).join(', ')}.`,
      territoire,
      echelle: scale,
      publics: rng.sample(ACTION_AUDIENCES, rng.int(1, 3)),
      financeurs: Array.from({ length: rng.int(0, 3) }, () => ({
        type: rng.weighted({
          ARS: 5,
          collectivite: 5,
          etat: 3,
          organisme_social: 2,
          europe: 1,
          fondation: 1,
          autre: 1,
        }),
        nom: null,
        montant: rng.chance(0.3) ? rng.int(1, 100) * 1000 : null,
      })),
      partenaires: Array.from({ length: rng.int(0, 3) }, (_, j) => ({
        nom: `Partenaire ${j} de l’action ${i}`,
        type: rng.pick(PARTNER_TYPES),
      })),
      politiques: rng.sample(POLICIES, rng.int(0, 2)),
      axesOttawa: rng.sample(OTTAWA_AXES, rng.int(0, 2)),
      etapes: rng.sample(PROJECT_STEPS, rng.int(0, 2)),
      themes: rng.sample(THEMES, rng.int(0, 2)),
      determinants: rng.sample(DETERMINANTS, rng.int(0, 2)),
      debut: start,
      fin: end,
    };
  });
}

/** Varied searches: one facet, two facets, a territory, words, years, pages. */
export function actionQueries(cog: CogReference): Record<string, string>[] {
  const rng = new Rng('requetes-actions');
  const some = rng.sample(cog.departements, 4);
  return [
    {},
    { type: 'fiche_action' },
    { echelle: 'commune', financeur: 'ARS' },
    { financeur: 'ARS,collectivite', politique: 'CLS' },
    { milieu: 'rural' },
    { qpv: 'true' },
    { public: 'jeunes', theme: 'sante_mentale' },
    { region: rng.pick(cog.regions).code },
    ...some.map((d) => ({ departement: d.code })),
    { territoire: `commune:${rng.pick(cog.communes.filter((c) => c.population > 50_000)).code}` },
    { q: 'médiation' },
    { q: 'santé mentale', echelle: 'quartier' },
    { anneeMin: '2015', anneeMax: '2018' },
    { enCours: 'true', financeur: 'europe' },
    { axe: 'action_communautaire', etape: 'evaluation' },
    { tri: 'debut', page: '5' },
    { tri: 'modification', determinant: 'logement' },
    { partenaire: 'association', impliqueVille: 'true' },
  ];
}
