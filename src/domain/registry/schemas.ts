import { rejectUnstorableText } from '../kernel/storable-text.ts';
import { CODE_PATTERNS } from '../territories/types.ts';
import { z } from '../zod-fr.ts';
import {
  CARRIER_TYPES,
  DYNAMIC_KINDS,
  EVENT_TYPES,
  LINK_TYPES,
  STATUSES,
  TIMELINE_STATUSES,
} from './kinds.ts';

/** Shared by the API (validation, OpenAPI), imports, the CLI and the web client. */

/** Dates of the registry: the bounds leave room for history and plans, and exclude typing slips. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

const isoDate = z
  .string({ error: 'date attendue au format AAAA-MM-JJ' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'date attendue au format AAAA-MM-JJ')
  .refine(
    (s) =>
      !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    {
      message: 'date inexistante',
    },
  )
  // Year 0000 and far futures parse, but no dynamic lives then; spreadsheets cannot show them either.
  .refine((s) => Number(s.slice(0, 4)) >= MIN_YEAR && Number(s.slice(0, 4)) <= MAX_YEAR, {
    message: `année hors de la plage ${MIN_YEAR}–${MAX_YEAR}`,
  });
export const isoDateSchema = isoDate;

export const communeCode = z
  .string()
  .regex(/^(\d{5}|2[AB]\d{3})$/, 'code commune INSEE attendu (5 caractères)');
export const epciCode = z.string().regex(/^\d{9}$/, 'SIREN d’EPCI attendu (9 chiffres)');
export const departementCode = z.string().regex(/^(\d{2}|2[AB]|9[78]\d)$/, 'code de département attendu');
// Same format as the QPV reference, Corsican codes (QN02A01M) included.
const qpvCode = z.string().regex(CODE_PATTERNS.qpv, 'code de QPV attendu');

export const kindSchema = z.enum(DYNAMIC_KINDS, {
  error: () => `type inconnu : valeurs possibles ${DYNAMIC_KINDS.join(', ')}`,
});
export const statusSchema = z.enum(STATUSES, {
  error: () => `statut inconnu : valeurs possibles ${STATUSES.join(', ')}`,
});

export const perimeterInput = z.object({
  communes: z.array(communeCode).max(40_000).default([]),
  epci: z.array(epciCode).max(2_000).default([]),
  departements: z.array(departementCode).max(120).default([]),
  qpv: z.array(qpvCode).max(2_000).default([]),
});
export type PerimeterInput = z.infer<typeof perimeterInput>;

export const carrierSchema = z.object({
  nom: z.string().trim().min(1, 'nom du porteur obligatoire').max(300),
  type: z.enum(CARRIER_TYPES, { error: () => `type de porteur inconnu : ${CARRIER_TYPES.join(', ')}` }),
  code: z.string().max(20).nullish(),
});

export const eventSchema = z.object({
  date: isoDate,
  type: z.enum(EVENT_TYPES, { error: () => `type d’événement inconnu : ${EVENT_TYPES.join(', ')}` }),
  statut: statusSchema.nullish(),
  note: z.string().max(2000).default(''),
});
export type DynamicEvent = z.infer<typeof eventSchema>;

export const coordinationPostSchema = z.object({
  intitule: z.string().trim().min(1, 'intitulé du poste obligatoire').max(300),
  etp: z.number().min(0, 'ETP positif attendu').max(50).nullish(),
  financeurs: z.array(z.string().trim().min(1).max(200)).max(30).default([]),
  debut: isoDate.nullish(),
  fin: isoDate.nullish(),
  vacant: z.boolean().default(false),
});
export type CoordinationPost = z.infer<typeof coordinationPostSchema>;

export const linkSchema = z.object({
  type: z.enum(LINK_TYPES, { error: () => `type de lien inconnu : ${LINK_TYPES.join(', ')}` }),
  cible: z.string().min(1).max(64),
  debut: isoDate.nullish(),
  fin: isoDate.nullish(),
});
export type DynamicLink = z.infer<typeof linkSchema>;

export const sourceSchema = z.object({
  titre: z.string().trim().min(1, 'titre de la source obligatoire').max(500),
  url: z.url({ protocol: /^https?$/, error: 'URL invalide : adresse http(s) attendue' }).nullish(),
  consulte: isoDate.nullish(),
  /** Where in the source the fact is read (page, section): a survey names many dynamics. */
  passage: z.string().trim().max(200, 'passage : 200 caractères au plus').nullish(),
});

export const contactSchema = z.object({
  nom: z.string().trim().min(1).max(200),
  role: z.string().max(200).nullish(),
  email: z.email('adresse électronique invalide').nullish(),
  telephone: z.string().max(30).nullish(),
  /** Consent to publication: without it the contact never leaves authenticated endpoints. */
  public: z.boolean().default(false),
});

export const signatorySchema = z.string().trim().min(1).max(300);

/** Kind-specific fields; all optional, validated when present. */
export const specificFieldsSchema = z
  .object({
    generation: z.number().int().min(1).max(10).nullish(),
    voletSanteMentale: z.boolean().nullish(),
    etapeCpts: z.enum(['lettre_intention', 'projet_sante', 'aci_signe']).nullish(),
    tranchePopulation: z.enum(['1', '2', '3', '4']).nullish(),
    periode: z.string().max(20).nullish(),
    finess: z
      .string()
      .regex(/^(\d[0-9A-Z]\d{7}|\d{2}[0-9AB]\d{6})$/, 'numéro FINESS à 9 caractères')
      .nullish(),
    communeAdresse: communeCode.nullish(),
    /** Code of the contract in the ANCT reference (CONTRAT_VILLE created from the reference layer). */
    codeContratVille: z.string().max(20).nullish(),
    /** Where the structure stands (WGS84), e.g. an establishment's address from FINESS. */
    coordonnees: z
      .object({ longitude: z.number().min(-180).max(180), latitude: z.number().min(-90).max(90) })
      .nullish(),
    /** A structure known by its seat only (a CPTS from FINESS): its perimeter is still to be entered. */
    perimetreAPreciser: z.boolean().nullish(),
    /** Key of the record in an imported layer (`<layer>:<id>`), so that a refresh finds it again. */
    identifiantSource: z.string().max(200).nullish(),
  })
  .strict();

export const dynamicInput = z
  .object({
    type: kindSchema,
    nom: z.string({ error: 'nom obligatoire' }).trim().min(1, 'nom obligatoire').max(300),
    statut: statusSchema.nullish(),
    porteur: carrierSchema.nullish(),
    perimetre: perimeterInput,
    dateDebut: isoDate.nullish(),
    dateFin: isoDate.nullish(),
    evenements: z.array(eventSchema).max(200).default([]),
    coordination: z.array(coordinationPostSchema).max(50).default([]),
    liens: z.array(linkSchema).max(200).default([]),
    sources: z.array(sourceSchema).max(50).default([]),
    signataires: z.array(signatorySchema).max(100).default([]),
    contacts: z.array(contactSchema).max(20).default([]),
    specifique: specificFieldsSchema.default({}),
    verification: z.object({ date: isoDate, par: z.string().max(200) }).nullish(),
  })
  // Also reached by file imports, which no HTTP validation sees.
  .superRefine(rejectUnstorableText)
  .superRefine((d, ctx) => {
    const p = d.perimetre;
    const empty = p.communes.length + p.epci.length + p.departements.length + p.qpv.length === 0;
    if (empty && !d.specifique.perimetreAPreciser) {
      ctx.addIssue({
        code: 'custom',
        path: ['perimetre'],
        message: 'le périmètre doit contenir au moins un territoire',
      });
    }
    if (!d.statut && d.evenements.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['statut'],
        message: 'indiquez un statut ou au moins un événement daté',
      });
    }
    if (d.dateDebut && d.dateFin && d.dateFin < d.dateDebut) {
      ctx.addIssue({ code: 'custom', path: ['dateFin'], message: 'la date de fin précède la date de début' });
    }
    d.coordination.forEach((c, i) => {
      if (c.debut && c.fin && c.fin < c.debut) {
        ctx.addIssue({
          code: 'custom',
          path: ['coordination', i, 'fin'],
          message: 'la fin précède le début',
        });
      }
    });
  });
export type DynamicInput = z.infer<typeof dynamicInput>;

export const csvList = <T extends string>(values: readonly T[], label: string) =>
  z
    .string()
    .max(500)
    .transform((s, ctx) => {
      const items = s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean);
      const bad = items.filter((x) => !values.includes(x as T));
      if (bad.length > 0) {
        ctx.addIssue({
          code: 'custom',
          message: `${label} inconnu : ${bad.join(', ')} (valeurs : ${values.join(', ')})`,
        });
        return z.NEVER;
      }
      return items as T[];
    });

export const territoryFilter = z
  .string()
  .max(40)
  .regex(
    /^(region|departement|epci|commune|qpv):[0-9A-Z]{2,12}$/,
    'format attendu TYPE:CODE, par exemple commune:42218',
  )
  .transform((s) => {
    const [type, code] = s.split(':') as [string, string];
    return { type: type as 'region' | 'departement' | 'epci' | 'commune' | 'qpv', code };
  });

export const dynamicListQuery = z.object({
  type: csvList(DYNAMIC_KINDS, 'type').optional(),
  /** Derived statuses too: `inconnu` (not observed then), `echue` (past its end date, not renewed). */
  statut: csvList(TIMELINE_STATUSES, 'statut').optional(),
  region: z
    .string()
    .regex(/^\d{2}$/, 'code de région à 2 chiffres')
    .optional(),
  departement: departementCode.optional(),
  territoire: territoryFilter.optional(),
  date: isoDate.optional(),
  q: z.string().trim().max(200, 'la recherche ne peut pas dépasser 200 caractères').optional(),
  fraicheur: z
    .enum(['a_verifier', 'a_renouveler'], { error: () => 'fraicheur : a_verifier ou a_renouveler' })
    .optional(),
  /** Renewals due: within that many months from today, or up to that date. */
  echeance: z
    .string()
    .regex(/^(\d{1,3}|\d{4}-\d{2}-\d{2})$/, 'echeance : un nombre de mois (1 à 120) ou une date AAAA-MM-JJ')
    .refine((s) => s.includes('-') || (Number(s) >= 1 && Number(s) <= 120), {
      message: 'echeance : un nombre de mois de 1 à 120',
    })
    .refine((s) => !s.includes('-') || isoDate.safeParse(s).success, {
      message: 'echeance : date inexistante',
    })
    .optional(),
  tri: z.enum(['nom', 'modification', 'verification']).default('nom'),
  page: z.coerce.number().int().min(1, 'page commence à 1').max(100_000).default(1),
  limit: z.coerce
    .number()
    .int()
    .min(1, 'limit doit être au moins 1')
    .max(1000, 'limit ne peut pas dépasser 1000')
    .default(50),
  format: z
    .enum(['json', 'csv', 'xlsx', 'geojson'], { error: () => 'format : json, csv, xlsx ou geojson' })
    .default('json'),
});
export type DynamicListQuery = z.infer<typeof dynamicListQuery>;

export const dynamicIdParams = z.object({ id: z.string().min(1).max(64, 'identifiant trop long') });
export const dateQuery = z.object({ date: isoDate.optional() });
