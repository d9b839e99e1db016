import { foldText } from '../text/normalize.ts';
import { CARRIER_TYPES, DYNAMIC_KINDS, STATUSES } from './kinds.ts';

/**
 * Columns of the dynamics import file. The first ten are fixed by the public contract (API.md); the
 * others are optional extras. The same list documents the template and the README.
 */
export const IMPORT_COLUMNS = [
  'type',
  'nom',
  'statut',
  'communes',
  'epci',
  'departements',
  'qpv',
  'porteur',
  'dateDebut',
  'dateFin',
  'porteurType',
  'porteurCode',
  'source',
  'sourceUrl',
  'id',
  'version',
  'verifieLe',
  'verifiePar',
  'statutALaDate',
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

export interface ColumnDoc {
  name: ImportColumn;
  /** When the cell must be filled, in French: « oui », « non » or a condition. */
  required: string;
  description: string;
  example: string;
}

export const COLUMN_DOCS: readonly ColumnDoc[] = [
  {
    name: 'type',
    required: 'oui',
    description: `type de dynamique : ${DYNAMIC_KINDS.join(', ')}`,
    example: 'CLS',
  },
  {
    name: 'nom',
    required: 'oui',
    description: 'nom de la dynamique',
    example: 'Contrat local de santé de Saint-Étienne',
  },
  {
    name: 'statut',
    required: 'à la création',
    description: `statut : ${STATUSES.join(', ')}`,
    example: 'actif',
  },
  {
    name: 'communes',
    required: 'une des quatre colonnes de périmètre',
    description:
      'communes couvertes, séparées par des virgules : code INSEE ou nom (précisez le département en cas ' +
      'd’homonymie : « Saint-Denis (93) »)',
    example: '42218',
  },
  {
    name: 'epci',
    required: 'une des quatre colonnes de périmètre',
    description: 'intercommunalités couvertes : SIREN ou nom exact, séparés par des virgules',
    example: '',
  },
  {
    name: 'departements',
    required: 'une des quatre colonnes de périmètre',
    description: 'départements couverts : code ou nom, séparés par des virgules',
    example: '',
  },
  {
    name: 'qpv',
    required: 'une des quatre colonnes de périmètre',
    description: 'quartiers prioritaires couverts : codes QPV séparés par des virgules',
    example: '',
  },
  {
    name: 'porteur',
    required: 'non',
    description: 'nom de la structure porteuse',
    example: 'Ville de Saint-Étienne',
  },
  {
    name: 'dateDebut',
    required: 'non',
    description: 'date de début : AAAA-MM-JJ ou JJ/MM/AAAA',
    example: '2013-05-01',
  },
  {
    name: 'dateFin',
    required: 'non',
    description: 'date de fin : AAAA-MM-JJ ou JJ/MM/AAAA',
    example: '',
  },
  {
    name: 'porteurType',
    required: 'non',
    description: `type de porteur : ${CARRIER_TYPES.join(', ')} (autre par défaut)`,
    example: 'commune',
  },
  {
    name: 'porteurCode',
    required: 'non',
    description: 'code du porteur (INSEE, SIREN, FINESS…)',
    example: '42218',
  },
  { name: 'source', required: 'non', description: 'titre de la source de l’information', example: '' },
  { name: 'sourceUrl', required: 'non', description: 'adresse web de la source', example: '' },
  {
    name: 'id',
    required: 'non',
    description:
      'identifiant d’une dynamique existante à modifier (vide : création) ; seules les colonnes ' +
      'présentes dans le fichier sont modifiées',
    example: '',
  },
  {
    name: 'version',
    required: 'non',
    description:
      'version de la dynamique lue (écrite par l’export) : si elle a été modifiée depuis, la ligne est ' +
      'refusée au lieu d’écraser la modification',
    example: '',
  },
  {
    name: 'verifieLe',
    required: 'non',
    description:
      'date de la dernière vérification de l’information (AAAA-MM-JJ ou JJ/MM/AAAA) : date la fiche ' +
      'et son statut ; vide : inchangée',
    example: '',
  },
  {
    name: 'verifiePar',
    required: 'non',
    description: 'qui a vérifié (personne, équipe ou enquête), avec verifieLe',
    example: '',
  },
  {
    name: 'statutALaDate',
    required: 'non',
    description:
      'écrite par l’export, ignorée à l’import : statut à la date de l’export, « inconnu » avant ' +
      'l’observation, « echue » après la date de fin sans renouvellement',
    example: '',
  },
];

/** Columns a file must have unless it only modifies existing records (then `id` is enough). */
export const REQUIRED_COLUMNS: readonly ImportColumn[] = ['type', 'nom'];

const squash = (s: string) => foldText(s).replace(/ /g, '');
const BY_FOLDED = new Map<string, ImportColumn>(IMPORT_COLUMNS.map((c) => [squash(c), c]));

/** Header cells are matched regardless of case, accents, spaces and underscores ("Date début"). */
export function matchColumn(header: string): ImportColumn | null {
  return BY_FOLDED.get(squash(header)) ?? null;
}
