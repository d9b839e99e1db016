let counter = 0;

/** A word no other test uses, to find a test's actions on a shared database. */
export const actionMarker = () => `za${process.pid}x${++counter}${Math.random().toString(36).slice(2, 7)}`;

/** A valid action input (raw, as sent to the API); override any field. */
export function actionBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  counter += 1;
  return {
    type: 'fiche_action',
    titre: `Action d’essai ${process.pid}-${counter}`,
    territoire: { communes: ['42218'] },
    echelle: 'commune',
    publics: ['habitants'],
    financeurs: [
      { type: 'ARS', nom: 'ARS Auvergne-Rhône-Alpes', montant: 12000 },
      { type: 'collectivite', nom: 'Ville de Saint-Étienne' },
    ],
    partenaires: [{ nom: 'Ville de Saint-Étienne', type: 'commune' }],
    politiques: ['CLS', 'contrat_ville'],
    debut: '2015-01-01',
    fin: '2019-01-01',
    ...overrides,
  };
}
