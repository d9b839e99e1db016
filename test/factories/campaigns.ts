let counter = 0;

const dayOffset = (days: number) => {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

/** A valid campaign body on one département; override any field. */
export function campaignBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  counter += 1;
  return {
    nom: `Recensement test ${process.pid}-${counter}`,
    departements: ['19'],
    types: ['CLS', 'ASV'],
    questions: [
      {
        id: 'coordination_dediee',
        libelle: 'Coordination dédiée ?',
        type: 'choix',
        options: ['Oui', 'Non'],
        obligatoire: true,
      },
      { id: 'remarques', libelle: 'Remarques', type: 'texte' },
    ],
    ouverture: dayOffset(0),
    cloture: dayOffset(30),
    message: 'Merci de vérifier vos fiches.',
    ...overrides,
  };
}

/** The personal link's secret in an invitation's text. */
export function tokenIn(text: string): string {
  const m = /\/reponses\/([A-Za-z0-9_-]{20,})/.exec(text);
  if (!m?.[1]) throw new Error(`aucun lien personnel dans :\n${text}`);
  return m[1];
}

export const uniqueEmail = (who: string) =>
  `${who}.${process.pid}.${Math.random().toString(36).slice(2, 8)}@exemple.fr`;
