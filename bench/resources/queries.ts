/** Search requests of the benchmark: the kinds of queries a documentation centre types, with filters. */
export interface BenchQuery {
  kind: string;
  params: Record<string, string>;
}

const q = (kind: string, text: string, extra: Record<string, string> = {}): BenchQuery => ({
  kind,
  params: { q: text, ...extra },
});

export const RESOURCE_QUERIES: readonly BenchQuery[] = [
  ...['santé', 'territoire', 'prévention', 'coordination', 'promotion', 'acteurs', 'élus'].map((w) =>
    q('mot fréquent', w),
  ),
  ...['littératie', 'vaccination', 'télésanté', 'urbanisme', 'addictions', 'périnatalité', 'gouvernance'].map(
    (w) => q('mot rare', w),
  ),
  ...['CPTS', 'CLS', 'ASV', 'CLSM', 'MSP', 'PTSM', 'DAC', 'QPV', 'ARS', 'ISTS'].map((w) => q('sigle', w)),
  ...[
    'communauté professionnelle territoriale de santé',
    'contrat local de santé',
    'ateliers santé ville',
    'conseil local de santé mentale',
    'maisons de santé pluriprofessionnelles',
  ].map((w) => q('forme développée', w)),
  ...[
    'santé mentale des jeunes',
    'inégalités sociales santé',
    'coordination des acteurs locaux',
    'démocratie sanitaire participation',
    'accès aux soins premier recours',
    'diagnostic local de santé quartiers prioritaires',
  ].map((w) => q('plusieurs mots', w)),
  ...['inégal', 'coordin', 'territ', 'démocr', 'particip', 'santé ment'].map((w) =>
    q('en cours de frappe', w),
  ),
  ...['"santé mentale"', '"politique de la ville"', '"évaluation d’impact"'].map((w) => q('expression', w)),
  q('exclusion', 'CLS -CPTS'),
  q('alternative', 'ASV OR CLSM'),
  ...['Martin', 'Dupont Marie', 'Fabrique Territoires Santé', 'IREPS'].map((w) => q('auteur', w)),
  { kind: 'filtres seuls', params: { type: 'rapport' } },
  { kind: 'filtres seuls', params: { dispositif: 'CPTS' } },
  { kind: 'filtres seuls', params: { anneeMin: '2015', anneeMax: '2020' } },
  { kind: 'filtres seuls', params: { theme: 'sante_mentale', public: 'elus' } },
  { kind: 'filtres seuls', params: {} },
  q('mot et filtres', 'santé', { type: 'article,rapport', anneeMin: '2010' }),
  q('mot et filtres', 'prévention', { dispositif: 'CLS' }),
  q('mot et filtres', 'coordination', { theme: 'coordination', anneeMax: '2020' }),
  q('tri par date', 'santé', { tri: 'date' }),
  q('tri par date', 'CPTS', { tri: 'date' }),
  q('page 5', 'coordination', { page: '5' }),
  q('page 5', 'santé', { page: '5', limit: '50' }),
];
