import { foldText } from '../text/normalize.ts';

/**
 * Controlled descriptors of the field (mots-clés). Anything else a documentalist wants to note goes into
 * free tags (étiquettes). Kept short on purpose: a descriptor is useful only if it is applied consistently.
 */
export const THESAURUS: readonly string[] = [
  'accès aux droits',
  'accès aux soins',
  'activité physique',
  'addictions',
  'alimentation',
  'aménagement du territoire',
  'animation territoriale',
  'collectivités territoriales',
  'contrat de ville',
  'contrat local de santé',
  'coordination',
  'démarche communautaire',
  'démocratie sanitaire',
  'démographie médicale',
  'déterminants de santé',
  'diagnostic local de santé',
  'éducation pour la santé',
  'éducation thérapeutique',
  'élus',
  'environnement',
  'évaluation',
  'évaluation d’impact sur la santé',
  'exercice coordonné',
  'financement',
  'gouvernance',
  'habitants',
  'handicap',
  'inégalités sociales de santé',
  'inégalités territoriales de santé',
  'intersectorialité',
  'jeunes',
  'logement',
  'littératie en santé',
  'médiation en santé',
  'milieu rural',
  'observation locale',
  'offre de soins',
  'parcours de santé',
  'participation',
  'partenariat',
  'périnatalité',
  'personnes âgées',
  'planification',
  'politique de la ville',
  'politiques publiques',
  'précarité',
  'premier recours',
  'prévention',
  'promotion de la santé',
  'psychiatrie',
  'quartiers prioritaires',
  'renoncement aux soins',
  'santé communautaire',
  'santé des femmes',
  'santé environnementale',
  'santé mentale',
  'santé publique',
  'santé au travail',
  'soins primaires',
  'télésanté',
  'territoire',
  'urbanisme',
  'vaccination',
  'violences',
];

const BY_KEY = new Map(THESAURUS.map((term) => [foldText(term), term]));

/** The descriptor as spelled in the thesaurus, whatever the case and accents typed; null when not in it. */
export function thesaurusTerm(value: string): string | null {
  return BY_KEY.get(foldText(value)) ?? null;
}
