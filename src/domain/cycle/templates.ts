/**
 * Project cycle templates: the steps a dynamic goes through, as its kind usually names them. A template
 * only proposes steps; a team may rename, add or remove them (`modele: 'libre'` keeps what it wrote).
 */
export const CYCLE_MODELS = ['generique', 'CLS', 'CPTS', 'libre'] as const;
export type CycleModel = (typeof CYCLE_MODELS)[number];

export const STEP_STATUSES = ['a_venir', 'en_cours', 'fait'] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];

export const STEP_STATUS_LABELS: Record<StepStatus, string> = {
  a_venir: 'À venir',
  en_cours: 'En cours',
  fait: 'Fait',
};

export const MODEL_LABELS: Record<CycleModel, string> = {
  generique: 'Démarche de projet (diagnostic, priorités, plan, mise en œuvre, évaluation)',
  CLS: 'Contrat local de santé',
  CPTS: 'Communauté professionnelle territoriale de santé',
  libre: 'Étapes choisies par l’équipe',
};

interface TemplateStep {
  code: string;
  libelle: string;
}

const GENERIC: TemplateStep[] = [
  { code: 'diagnostic', libelle: 'Diagnostic partagé' },
  { code: 'priorites', libelle: 'Choix des priorités' },
  { code: 'plan_action', libelle: 'Plan d’action' },
  { code: 'mise_en_oeuvre', libelle: 'Mise en œuvre' },
  { code: 'evaluation', libelle: 'Évaluation' },
];

export const CYCLE_TEMPLATES: Record<Exclude<CycleModel, 'libre'>, TemplateStep[]> = {
  generique: GENERIC,
  CLS: [
    { code: 'diagnostic', libelle: 'Diagnostic local de santé' },
    { code: 'priorites', libelle: 'Axes stratégiques et priorités' },
    { code: 'signature', libelle: 'Signature du contrat' },
    { code: 'plan_action', libelle: 'Fiches actions' },
    { code: 'mise_en_oeuvre', libelle: 'Mise en œuvre et animation' },
    { code: 'evaluation', libelle: 'Évaluation du contrat' },
  ],
  CPTS: [
    { code: 'lettre_intention', libelle: 'Lettre d’intention' },
    { code: 'diagnostic', libelle: 'Diagnostic territorial' },
    { code: 'projet_sante', libelle: 'Projet de santé' },
    { code: 'contrat_aci', libelle: 'Contrat ACI (accord conventionnel interprofessionnel)' },
    { code: 'mise_en_oeuvre', libelle: 'Mise en œuvre des missions' },
    { code: 'evaluation', libelle: 'Évaluation (indicateurs du contrat)' },
  ],
};

/** The template a dynamic of this kind starts from. */
export function defaultModel(kind: string): Exclude<CycleModel, 'libre'> {
  return kind === 'CLS' || kind === 'CPTS' ? kind : 'generique';
}

/** Steps of a template, none started. */
export function templateSteps(model: Exclude<CycleModel, 'libre'>) {
  return CYCLE_TEMPLATES[model].map((s) => ({
    ...s,
    statut: 'a_venir' as StepStatus,
    date: null,
    note: null,
    document: null,
    actions: [] as string[],
  }));
}
