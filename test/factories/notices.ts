import { type NoticeInput, noticeInput } from '../../src/domain/resources/schemas.ts';

let counter = 0;

/** A word no other test uses, to find a test's notices on a shared database. */
export const newMarker = () => `zn${process.pid}x${++counter}${Math.random().toString(36).slice(2, 7)}`;

/** A valid notice input (raw, as sent to the API); override any field. */
export function noticeBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  counter += 1;
  return {
    type: 'rapport',
    titre: `Rapport d’essai ${process.pid}-${counter}`,
    auteurs: [{ organisation: 'Fabrique Territoires Santé' }],
    date: '2019',
    ...overrides,
  };
}

/** One notice of every type, filled in the way a documentalist would: what round trips must keep. */
export function richNotices(marker: string): NoticeInput[] {
  const raw: Record<string, unknown>[] = [
    {
      type: 'article',
      titre: `${marker} Les contrats locaux de santé : bilan d’une décennie`,
      auteurs: [
        { nom: 'Le Goff', prenom: 'Anne-Sophie' },
        { nom: 'de La Fontaine', prenom: 'Jean' },
      ],
      conteneur: { titre: 'Santé publique', volume: '31', numero: '2' },
      date: '2019-03',
      pages: '123-135',
      doi: `10.3917/${marker}.192.0123`,
      issn: '0995-3914',
      resume: 'Analyse de dix ans de contrats locaux de santé ; « articulation » avec les ASV.',
      origineResume: 'auteur',
      motsCles: ['contrat local de santé', 'gouvernance'],
      etiquettes: ['décennie'],
      dispositifs: ['CLS', 'ASV'],
      themes: ['gouvernance'],
      publics: ['elus', 'coordinateurs'],
    },
    {
      type: 'rapport',
      titre: `${marker} Inégalités sociales de santé dans les quartiers prioritaires`,
      auteurs: [{ organisation: 'Observatoire régional de la santé, Provence-Alpes-Côte d’Azur' }],
      editeur: 'ORS PACA',
      lieu: 'Marseille',
      date: '2021-06-15',
      etendue: '86 p.',
      url: `https://doc.example.org/${marker}/rapport`,
      consulteLe: '2024-01-05',
      langue: 'fr',
      disponibilite: 'disponible au centre de documentation',
      themes: ['inegalites', 'politique_ville'],
      dispositifs: ['CONTRAT_VILLE'],
    },
    {
      type: 'ouvrage',
      titre: `${marker} Promotion de la santé et territoires`,
      auteurs: [{ nom: 'Martin', prenom: 'Paul' }],
      editeur: 'Presses de l’EHESP',
      lieu: 'Rennes',
      collection: 'Politiques et interventions en santé publique',
      date: '2016',
      isbn: '978-2-8109-0471-0',
      etendue: '300 p.',
      langue: 'fr',
    },
    {
      type: 'chapitre',
      titre: `${marker} La coordination des acteurs locaux`,
      auteurs: [{ nom: 'Durand', prenom: 'Claire' }],
      directeurs: [{ nom: 'Martin', prenom: 'Paul' }],
      conteneur: { titre: 'Promotion de la santé et territoires' },
      editeur: 'Presses de l’EHESP',
      lieu: 'Rennes',
      pages: '45-67',
      date: '2016',
    },
    {
      type: 'actes',
      titre: `${marker} Rencontres nationales des ateliers santé ville`,
      conteneur: { titre: 'Actes des rencontres 2012' },
      editeur: 'Plateforme nationale ASV',
      lieu: 'Lyon',
      date: '2012',
      dispositifs: ['ASV'],
    },
    {
      type: 'texte_officiel',
      sousType: 'decret',
      titre: `${marker} Décret n° 2019-1234 relatif aux communautés professionnelles territoriales de santé`,
      auteurs: [{ organisation: 'Ministère des solidarités et de la santé' }],
      conteneur: { titre: 'Journal officiel de la République française' },
      date: '2019-11-05',
      url: `https://www.legifrance.example/${marker}`,
      dispositifs: ['CPTS'],
    },
    {
      type: 'page_web',
      titre: `${marker} Carte des CLSM`,
      auteurs: [{ organisation: 'Centre national de ressources et d’appui aux CLSM' }],
      conteneur: { titre: 'Ressources CLSM' },
      url: `https://ressources-clsm.example.org/${marker}?carte=1&v=2`,
      consulteLe: '2024-05-01',
      date: '2023',
    },
    {
      type: 'video',
      titre: `${marker} Qu’est-ce qu’une CPTS ?`,
      auteurs: [{ organisation: 'Assurance maladie' }],
      url: `https://video.example.org/${marker}`,
      etendue: '12 min',
      date: '2022',
    },
    {
      type: 'podcast',
      titre: `${marker} Santé mentale et territoires, épisode 3`,
      conteneur: { titre: 'Les voix de la santé publique', numero: '3' },
      date: '2021-09',
      url: `https://podcast.example.org/${marker}/3`,
    },
    {
      type: 'guide',
      titre: `${marker} Guide méthodologique du diagnostic local de santé`,
      auteurs: [{ organisation: 'IREPS Occitanie' }],
      editeur: 'IREPS Occitanie',
      date: '2020',
      publics: ['coordinateurs'],
      themes: ['methodologie'],
    },
    {
      type: 'outil',
      titre: `${marker} Photolangage « Santé et quartier »`,
      auteurs: [{ organisation: 'CRES Provence-Alpes-Côte d’Azur' }],
      date: '2018',
      disponibilite: 'prêt au centre de documentation',
    },
    {
      type: 'these',
      titre: `${marker} Territorialisation des politiques de santé`,
      auteurs: [{ nom: 'Bernard', prenom: 'Lucie' }],
      editeur: 'Université de Lyon',
      lieu: 'Lyon',
      date: '2015',
      etendue: '420 p.',
      langue: 'fr',
      resume: 'Thèse sur la territorialisation.\nDeuxième paragraphe du résumé.',
      origineResume: 'propre',
    },
  ];
  return raw.map((r) => noticeInput.parse(r));
}
