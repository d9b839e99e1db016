import type { CampaignTemplate } from './responses.ts';
import { CAMPAIGN_FIELDS } from './vocabulary.ts';

/**
 * Starting points for a campaign. `enquete-2018` asks again what the regional resource centres looked
 * for by hand in early 2018 for each territory with a contrat de ville: is there a CLS (signed when, with
 * a dedicated coordination?), an ASV (with a coordination?), a CLSM (with a coordination?), and how they
 * articulate with the contrat de ville.
 */
export const CAMPAIGN_TEMPLATES: readonly CampaignTemplate[] = [
  {
    id: 'enquete-2018',
    nom: 'Recensement des démarches territoriales de santé (questions de l’enquête 2018)',
    description:
      'ASV, CLS et CLSM d’un territoire, leur coordination et leur articulation avec le contrat de ville.',
    types: ['ASV', 'CLS', 'CLSM'],
    champs: [...CAMPAIGN_FIELDS],
    questions: [
      {
        id: 'coordination_dediee',
        libelle: 'La dynamique dispose-t-elle d’une coordination dédiée ?',
        type: 'choix',
        options: ['Oui, poste pourvu', 'Oui, poste vacant ou en recrutement', 'Non'],
        obligatoire: true,
      },
      {
        id: 'articulation_contrat_ville',
        libelle: 'Comment la dynamique s’articule-t-elle avec le contrat de ville ?',
        type: 'choix_multiples',
        options: [
          'Volet santé du contrat de ville',
          'Instances communes de pilotage',
          'Actions communes dans les quartiers prioritaires',
          'Pas d’articulation à ce jour',
        ],
        obligatoire: false,
      },
      {
        id: 'autres_dynamiques',
        libelle:
          'Quelles autres démarches de santé existent sur le territoire (CLSM, médiation santé, MSP…) ?',
        type: 'texte',
        options: [],
        obligatoire: false,
      },
      {
        id: 'experiences',
        libelle: 'Des expériences ou actions du territoire ont-elles été capitalisées ? Lesquelles ?',
        type: 'texte',
        options: [],
        obligatoire: false,
      },
    ],
    message:
      'Bonjour,\n\nNous mettons à jour l’état des lieux des démarches territoriales de santé de la région. ' +
      'Pourriez-vous vérifier la fiche de votre dynamique, la corriger si besoin et répondre à quelques ' +
      'questions ? Cela prend une dizaine de minutes ; vos réponses sont enregistrées au fil de la saisie.\n\n' +
      'Merci de votre contribution.',
  },
  {
    id: 'exercice-coordonne',
    nom: 'Exercice coordonné : CPTS, MSP et centres de santé',
    description: 'Confirmer le périmètre, l’étape et la coordination des structures d’exercice coordonné.',
    types: ['CPTS', 'MSP', 'CDS'],
    champs: ['nom', 'statut', 'porteur', 'perimetre', 'coordination', 'contacts'],
    questions: [
      {
        id: 'professionnels',
        libelle: 'Nombre de professionnels de santé membres',
        type: 'nombre',
        options: [],
        obligatoire: false,
      },
      {
        id: 'date_projet_sante',
        libelle: 'Date de validation du projet de santé',
        type: 'date',
        options: [],
        obligatoire: false,
      },
      {
        id: 'liens_cls',
        libelle: 'La structure est-elle associée à un contrat local de santé ?',
        type: 'choix',
        options: ['Oui', 'Non', 'Ne sait pas'],
        obligatoire: false,
      },
    ],
    message:
      'Bonjour,\n\nNous actualisons la carte de l’exercice coordonné. Merci de vérifier la fiche de votre ' +
      'structure et de la corriger si besoin.',
  },
];

export function findTemplate(id: string): CampaignTemplate | undefined {
  return CAMPAIGN_TEMPLATES.find((t) => t.id === id);
}
