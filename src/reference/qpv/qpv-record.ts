import { z } from '../../domain/zod-fr.ts';
import {
  communeCodeSchema,
  countSchema,
  departementCodeSchema,
  nameSchema,
  qpvCodeSchema,
} from '../fields.ts';
import type { Surface } from '../geometry.ts';
import { type IssueList, parseCount, pick, splitList } from '../import-report.ts';

/** A QPV as read from any source format, before its communes are checked against the reference. */
export interface QpvDraft {
  position: number;
  code: string;
  nom: string;
  departement: string | null;
  population: number | null;
  /** INSEE codes given by the source. */
  communes: string[];
  /** Commune names to resolve in the QPV's département (the INSEE indicator files give names only). */
  communeNames: string[];
  geometry: Surface | null;
  /** Source field names, so that later errors name the column the user sees. */
  keys: Record<keyof typeof QPV_FIELDS, string>;
}

/** Names the same field has in the publications we know (ANCT list, SIG Ville GeoJSON, INSEE CSV). */
export const QPV_FIELDS = {
  code: ['code', 'code_qp', 'CODE_QP', 'code_qpv', 'code_quartier', 'CODE_QUARTIER'],
  nom: ['nom', 'nom_qp', 'lib_qp', 'NOM_QP', 'LIB_QP', 'nom_qpv', 'nom_quartier'],
  departement: ['dep', 'departement', 'code_departement', 'insee_dep', 'INSEE_DEP', 'code_dep'],
  communes: ['communes', 'code_commune', 'insee_com', 'INSEE_COM', 'code_insee', 'codes_communes'],
  communeNames: ['nom_commune', 'lib_com', 'commune_qp', 'NOM_COM', 'LIB_COM', 'noms_communes'],
  population: ['population', 'pop_mun', 'POP_MUN', 'pop', 'pop_qp'],
} as const;

const recordSchema = z
  .object({
    code: qpvCodeSchema,
    nom: nameSchema('nom du quartier'),
    departement: departementCodeSchema.nullable(),
    communes: z.array(communeCodeSchema),
    communeNames: z.array(z.string().max(150, 'nom de commune trop long')),
    population: countSchema,
  })
  .refine((r) => r.communes.length + r.communeNames.length > 0, {
    path: ['communes'],
    message: `aucune commune : colonnes ${[...QPV_FIELDS.communes, ...QPV_FIELDS.communeNames].join(', ')}`,
  });

/** Properties of one QPV (list item, GeoJSON feature, CSV row) → draft, or issues naming the source fields. */
export function mapQpvRecord(
  position: number,
  record: Record<string, unknown>,
  geometry: Surface | null,
  issues: IssueList,
): QpvDraft | null {
  const code = pick(record, QPV_FIELDS.code);
  const nom = pick(record, QPV_FIELDS.nom);
  const departement = pick(record, QPV_FIELDS.departement);
  const communes = pick(record, QPV_FIELDS.communes);
  const communeNames = pick(record, QPV_FIELDS.communeNames);
  const population = pick(record, QPV_FIELDS.population);
  const keys: Record<keyof typeof QPV_FIELDS, string> = {
    code: code?.key ?? QPV_FIELDS.code[0],
    nom: nom?.key ?? QPV_FIELDS.nom[0],
    departement: departement?.key ?? QPV_FIELDS.departement[0],
    communes: communes?.key ?? QPV_FIELDS.communes[0],
    communeNames: communeNames?.key ?? QPV_FIELDS.communeNames[0],
    population: population?.key ?? QPV_FIELDS.population[0],
  };
  const count = parseCount(population?.value);
  const parsed = recordSchema.safeParse({
    code: code?.value,
    nom: nom?.value,
    departement: departement?.value ?? null,
    communes: communes ? splitList(communes.value) : [],
    communeNames: communeNames ? splitList(communeNames.value) : [],
    // An unreadable count reaches zod as the text read, so that the message quotes it.
    population: count === undefined ? String(population?.value) : count,
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [field, ...rest] = issue.path.map(String);
      const key = keys[field as keyof typeof keys] ?? field ?? '(valeur)';
      issues.add(position, [key, ...rest].join('.'), issue.message);
    }
    return null;
  }
  return { position, ...parsed.data, geometry, keys };
}
