/** French vocabulary of the field, to build plausible titles, abstracts and keywords. */

export interface Subject {
  text: string;
  /** Kinds of dynamics (API.md `type`) the subject is about. */
  dispositifs: readonly string[];
  keywords: readonly string[];
}

const s = (text: string, dispositifs: string[], keywords: string[]): Subject => ({
  text,
  dispositifs,
  keywords,
});

export const SUBJECTS: readonly Subject[] = [
  s('la santé dans les territoires', [], ['santé', 'territoire']),
  s('les contrats locaux de santé', ['CLS'], ['contrat local de santé', 'collectivités territoriales']),
  s('les ateliers santé ville', ['ASV'], ['atelier santé ville', 'politique de la ville']),
  s('les conseils locaux de santé mentale', ['CLSM'], ['santé mentale', 'conseil local de santé mentale']),
  s('les communautés professionnelles territoriales de santé', ['CPTS'], ['CPTS', 'exercice coordonné']),
  s('les maisons de santé pluriprofessionnelles', ['MSP'], ['maison de santé', 'premier recours']),
  s('les centres de santé', ['CDS'], ['centre de santé', 'accès aux soins']),
  s('la promotion de la santé', [], ['promotion de la santé', 'prévention']),
  s('les inégalités sociales de santé', ['ASV', 'CLS'], ['inégalités sociales de santé', 'précarité']),
  s('les inégalités territoriales de santé', ['CLS'], ['inégalités territoriales', 'offre de soins']),
  s('la coordination des acteurs locaux', ['CLS', 'CPTS', 'DAC'], ['coordination', 'partenariat']),
  s('la démocratie sanitaire', [], ['démocratie sanitaire', 'participation']),
  s('la participation des habitants', ['ASV'], ['participation', 'habitants']),
  s('la santé mentale dans la cité', ['CLSM', 'PTSM'], ['santé mentale', 'psychiatrie']),
  s('la médiation en santé', ['MEDIATION_SANTE'], ['médiation en santé', 'accès aux droits']),
  s('l’accès aux soins de premier recours', ['MSP', 'CDS', 'ESP'], ['premier recours', 'accès aux soins']),
  s('les déserts médicaux', ['MSP', 'CPTS'], ['démographie médicale', 'offre de soins']),
  s('la politique de la ville', ['CONTRAT_VILLE', 'ASV'], ['politique de la ville', 'QPV']),
  s('la santé dans les quartiers prioritaires', ['CONTRAT_VILLE', 'ASV'], ['QPV', 'politique de la ville']),
  s('l’exercice coordonné', ['MSP', 'CPTS', 'ESP'], ['exercice coordonné', 'soins primaires']),
  s('le diagnostic local de santé', ['CLS', 'ASV'], ['diagnostic', 'observation locale']),
  s('l’évaluation d’impact sur la santé', ['CLS'], ['évaluation d’impact', 'évaluation']),
  s('la santé environnementale', ['CLS'], ['santé environnement', 'environnement']),
  s('l’urbanisme favorable à la santé', ['CLS'], ['urbanisme', 'environnement']),
  s('l’éducation pour la santé', [], ['éducation pour la santé', 'prévention']),
  s('la littératie en santé', [], ['littératie en santé', 'information']),
  s('le parcours des personnes âgées', ['DAC', 'CPTS'], ['personnes âgées', 'parcours']),
  s('la santé des jeunes', ['ASV', 'CLS'], ['jeunes', 'prévention']),
  s('la précarité et l’accès aux droits', ['ASV', 'MEDIATION_SANTE'], ['précarité', 'accès aux droits']),
  s('la santé des femmes', [], ['santé des femmes', 'périnatalité']),
  s('l’alimentation et l’activité physique', ['CLS'], ['nutrition', 'activité physique']),
  s('la prévention des addictions', ['CLS'], ['addictions', 'prévention']),
  s('la santé mentale des jeunes', ['CLSM'], ['santé mentale', 'jeunes']),
  s('la santé dans toutes les politiques', ['CLS'], ['intersectorialité', 'politiques publiques']),
  s('les élus locaux et la santé', ['CLS', 'ASV'], ['élus', 'collectivités territoriales']),
  s('la gouvernance territoriale de la santé', ['CLS', 'PTSM'], ['gouvernance', 'ARS']),
  s('le projet régional de santé', ['PTSM'], ['ARS', 'planification']),
  s('les dispositifs d’appui à la coordination', ['DAC'], ['coordination', 'parcours complexes']),
  s('la télésanté en territoire rural', ['MSP', 'CPTS'], ['télésanté', 'rural']),
  s('la couverture vaccinale', ['CPTS'], ['vaccination', 'prévention']),
  s('le renoncement aux soins', ['MEDIATION_SANTE', 'CDS'], ['renoncement aux soins', 'accès aux soins']),
  s('les projets territoriaux de santé mentale', ['PTSM', 'CLSM'], ['santé mentale', 'PTSM']),
  s('les plans locaux de santé publique', ['PLSP'], ['santé publique', 'planification']),
];

export const SUBTITLES: readonly string[] = [
  'enjeux et perspectives',
  'état des lieux et recommandations',
  'guide méthodologique',
  'quels leviers pour les élus ?',
  'retour d’expériences',
  'repères pour l’action',
  'une analyse comparée',
  'de la théorie à la pratique',
  'bilan et perspectives',
  'points de vigilance',
  'synthèse des travaux',
  'outils et ressources',
  'regards croisés',
  'le point de vue des coordinateurs',
  'évaluation d’un dispositif',
  'une approche par les déterminants de santé',
];

export const PREFIXES: readonly string[] = [
  'Agir sur',
  'Comprendre',
  'Évaluer',
  'Mettre en œuvre',
  'Repères pour',
  'Coordonner',
  'Construire',
  'Renforcer',
  'Observer',
  'Animer',
];

export const FAMILY_NAMES: readonly string[] = (
  'Martin Bernard Thomas Petit Robert Richard Durand Dubois Moreau Laurent Simon Michel Lefebvre Leroy ' +
  'Roux David Bertrand Morel Fournier Girard Bonnet Dupont Lambert Fontaine Rousseau Vincent Muller Lefèvre ' +
  'Faure André Mercier Blanc Guérin Boyer Garnier Chevalier François Legrand Gauthier Garcia Perrin Robin ' +
  'Clément Morin Nicolas Henry Roussel Mathieu Gautier Masson Marchand Duval Denis Dumont Marie Lemaire ' +
  'Noël Meyer Dufour Meunier Brun Blanchard Giraud Joly Rivière Lucas Brunet Gaillard Barbier Arnaud ' +
  'Martinez Gérard Roche Renard Schmitt Roy Leroux Colin Vidal Caron Picard Roger Fabre Aubert Lemoine ' +
  'Renaud Dumas Lacroix Olivier Philippe Bourgeois Pierre Benoît Rey Leclerc Payet Rolland Leclercq ' +
  'Guillaume Lecomte Lopez Jean Dupuy Guillot Hubert Berger Carpentier Sanchez Dupuis Moulin Louis Deschamps'
).split(' ');

export const GIVEN_NAMES: readonly string[] = (
  'Marie Jean Pierre Michel Anne Sophie Nathalie Isabelle Catherine Philippe Nicolas Christophe Stéphane ' +
  'Julien Camille Laure Claire Élise Hélène Thomas Mathieu Lucie Émilie Céline Aurélie François Delphine ' +
  'Virginie Sandrine Laurent Olivier Vincent Agnès Pascale Yasmina Karim Fatima Mehdi Inès Léa Manon Hugo ' +
  'Chloé Antoine Émile Zoé Bruno Gilles Valérie Marc Thierry Éric Sylvie Martine Benoît Amandine Romain'
).split(' ');

export const INSTITUTIONS: readonly string[] = [
  'Fabrique Territoires Santé',
  'Santé publique France',
  'Haut Conseil de la santé publique',
  'Direction de la recherche, des études, de l’évaluation et des statistiques (DREES)',
  'Institut de recherche et documentation en économie de la santé (IRDES)',
  'Inspection générale des affaires sociales',
  'Agence nationale de la cohésion des territoires',
  'Ministère des solidarités et de la santé',
  'Direction générale de la santé',
  'Direction générale de l’offre de soins',
  'Fédération nationale d’éducation et de promotion de la santé',
  'IREPS Occitanie',
  'IREPS Bourgogne-Franche-Comté',
  'IREPS Auvergne-Rhône-Alpes',
  'CRES Provence-Alpes-Côte d’Azur',
  'Promotion Santé Normandie',
  'ORS Île-de-France',
  'Fédération nationale des observatoires régionaux de la santé',
  'Centre national de ressources et d’appui aux CLSM',
  'Réseau français des Villes-Santé de l’OMS',
  'Association des maires de France',
  'Assurance maladie',
  'Haute Autorité de santé',
  'École des hautes études en santé publique',
  'Plateforme nationale de ressources des ateliers santé ville',
];

export const JOURNALS: readonly string[] = [
  'Santé publique',
  'La Santé en action',
  'Revue française des affaires sociales',
  'Questions d’économie de la santé',
  'Revue d’épidémiologie et de santé publique',
  'Les Tribunes de la santé',
  'Sciences sociales et santé',
  'Actualité et dossier en santé publique',
  'Pratiques : les cahiers de la médecine utopique',
  'Territoire en mouvement',
  'Géographie, économie, société',
  'Pour',
  'Éducation santé',
  'Santé mentale',
  'L’Information psychiatrique',
  'Exercer',
  'Médecine',
  'Gestions hospitalières',
  'Métropolitiques',
  'Espaces et sociétés',
];

export const PUBLISHERS: readonly { name: string; place: string }[] = [
  { name: 'Presses de l’EHESP', place: 'Rennes' },
  { name: 'La Documentation française', place: 'Paris' },
  { name: 'Érès', place: 'Toulouse' },
  { name: 'Dunod', place: 'Paris' },
  { name: 'L’Harmattan', place: 'Paris' },
  { name: 'Presses universitaires de Rennes', place: 'Rennes' },
  { name: 'Éditions de l’Atelier', place: 'Ivry-sur-Seine' },
  { name: 'Seli Arslan', place: 'Paris' },
  { name: 'Presses universitaires de Grenoble', place: 'Grenoble' },
  { name: 'Éditions Le Manuscrit', place: 'Paris' },
];

export const SENTENCES: readonly string[] = [
  'Ce document analyse {s} à partir de {n} territoires.',
  'Les auteurs présentent les conditions de réussite de {s} et les freins identifiés.',
  'Il propose des repères pour articuler {s} avec {t}.',
  'L’étude s’appuie sur des entretiens avec des coordinateurs, des élus et des professionnels.',
  'Une attention particulière est portée aux quartiers prioritaires et aux territoires ruraux.',
  'Des fiches pratiques illustrent la démarche de projet : diagnostic, priorités, plan d’action, évaluation.',
  'Les résultats soulignent le rôle de la coordination et du portage politique.',
  'Ce travail interroge la place des habitants dans {s}.',
];
