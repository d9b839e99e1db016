/**
 * The seven characteristics of a territorial health approach, as the field's resource centres describe a
 * « démarche territoriale de santé », and the four levels a team rates itself on for each. Descriptions are
 * short questions a coordination team can answer together; they are this project's own wording.
 */
export const CRITERIA = [
  {
    code: 'politique',
    libelle: 'Politique',
    definition:
      'portée par les élus locaux et les institutions, elle vise à réduire les inégalités sociales et territoriales de santé',
    question: 'Les élus portent-ils la démarche, l’inscrivent-ils dans leurs décisions et leurs budgets ?',
  },
  {
    code: 'projet',
    libelle: 'De projet',
    definition: 'diagnostic partagé, priorités, plan d’action, mise en œuvre et évaluation s’enchaînent',
    question: 'Un diagnostic partagé fonde-t-il des priorités, un plan d’action et son évaluation ?',
  },
  {
    code: 'territorialisee',
    libelle: 'Territorialisée',
    definition: 'elle part d’un territoire vécu et cohérent, de ses ressources et de ses contraintes',
    question: 'Le périmètre retenu est-il un territoire vécu, dont les inégalités sont connues et suivies ?',
  },
  {
    code: 'ascendante',
    libelle: 'Ascendante',
    definition:
      'les besoins des habitants et de ceux qui travaillent sur le territoire la fondent ; ils la construisent avec elle',
    question:
      'Les habitants et les professionnels de terrain participent-ils aux choix, pas seulement aux actions ?',
  },
  {
    code: 'partenariale',
    libelle: 'Partenariale',
    definition:
      'acteurs publics, associations, professionnels et habitants travaillent en réseau et décident ensemble',
    question:
      'Les institutions, associations et professionnels s’engagent-ils ensemble, avec des rôles clairs ?',
  },
  {
    code: 'transversale',
    libelle: 'Transversale',
    definition:
      'inscrite dans la promotion de la santé, elle agit sur tous les déterminants de la santé, bien au-delà du soin',
    question:
      'Logement, éducation, urbanisme, social… : les autres politiques agissent-elles sur la santé avec elle ?',
  },
  {
    code: 'coordonnee',
    libelle: 'Coordonnée',
    definition: 'une coordination identifiée, avec du temps dédié, la fait vivre dans la durée',
    question: 'Une coordination identifiée, avec du temps dédié, fait-elle vivre la démarche dans la durée ?',
  },
] as const;

export type CriterionCode = (typeof CRITERIA)[number]['code'];
export const CRITERION_CODES = CRITERIA.map((c) => c.code) as [CriterionCode, ...CriterionCode[]];

/** Levels from « not started » to « lasting »; 0 is a real answer, not a missing one. */
export const LEVELS = [
  { niveau: 0, libelle: 'Pas engagé' },
  { niveau: 1, libelle: 'Émergent' },
  { niveau: 2, libelle: 'En place' },
  { niveau: 3, libelle: 'Consolidé' },
] as const;

export const MAX_LEVEL = 3;

export const levelLabel = (niveau: number): string =>
  LEVELS.find((l) => l.niveau === niveau)?.libelle ?? String(niveau);

export const criterionLabel = (code: string): string =>
  CRITERIA.find((c) => c.code === code)?.libelle ?? code;
