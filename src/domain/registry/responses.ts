import { documentsOnly, pageOf } from '../kernel/responses.ts';
import { z } from '../zod-fr.ts';
import {
  CARRIER_TYPES,
  DYNAMIC_KINDS,
  EVENT_TYPES,
  LINK_TYPES,
  STATUSES,
  TIMELINE_STATUSES,
} from './kinds.ts';

/**
 * What the registry routes answer (src/registry/registry.presenter.ts and the services): Fastify
 * response schemas, OpenAPI, and the web client's types through `z.infer`. Values are described, not
 * re-validated: the records were checked when written, so formats (codes, dates) are plain strings here.
 */

const kind = z.enum(DYNAMIC_KINDS);
const status = z.enum(STATUSES);
const day = z.string().meta({ description: 'date AAAA-MM-JJ' });
const instant = z.string().meta({ description: 'date et heure ISO 8601' });

export const carrierOut = z.object({
  nom: z.string(),
  type: z.enum(CARRIER_TYPES),
  code: z.string().nullish(),
});

export const eventOut = z.object({
  date: day,
  type: z.enum(EVENT_TYPES),
  statut: status.nullish(),
  note: z.string(),
});

export const coordinationPostOut = z.object({
  intitule: z.string(),
  etp: z.number().nullish(),
  financeurs: z.array(z.string()),
  debut: day.nullish(),
  fin: day.nullish(),
  vacant: z.boolean(),
});

export const linkOut = z.object({
  type: z.enum(LINK_TYPES),
  cible: z.string(),
  debut: day.nullish(),
  fin: day.nullish(),
});

export const sourceOut = z.object({
  titre: z.string(),
  url: z.string().nullish(),
  consulte: day.nullish(),
  passage: z.string().nullish(),
});

export const contactOut = z.object({
  nom: z.string(),
  role: z.string().nullish(),
  email: z.string().nullish(),
  telephone: z.string().nullish(),
  public: z.boolean(),
});

export const specificFieldsOut = z.object({
  generation: z.number().int().nullish(),
  voletSanteMentale: z.boolean().nullish(),
  etapeCpts: z.enum(['lettre_intention', 'projet_sante', 'aci_signe']).nullish(),
  tranchePopulation: z.enum(['1', '2', '3', '4']).nullish(),
  periode: z.string().nullish(),
  finess: z.string().nullish(),
  communeAdresse: z.string().nullish(),
  codeContratVille: z.string().nullish(),
  coordonnees: z.object({ longitude: z.number(), latitude: z.number() }).nullish(),
  perimetreAPreciser: z.boolean().nullish(),
  identifiantSource: z.string().nullish(),
});

/** A dynamic as the API returns it: the record as entered, its status and perimeter at `date`. */
export const presentedDynamic = z
  .object({
    id: z.string(),
    type: kind,
    nom: z.string(),
    /**
     * Status at `date`, derived from the events when there are some; null before the dynamic existed;
     * `inconnu` before its status was observed, `echue` past its end date with no renewal.
     */
    statut: z.enum(TIMELINE_STATUSES).nullable(),
    /** The status as entered, without date (used when the record has no dated events). */
    statutSaisi: status.nullable(),
    porteur: carrierOut.nullable(),
    perimetre: z.object({
      /** Every commune covered, whatever the perimeter names (EPCI, départements, QPV). */
      communes: z.array(z.string()),
      epci: z.array(z.string()),
      departements: z.array(z.string()),
      qpv: z.array(z.string()),
      /** The communes named one by one in the record. */
      communesSaisies: z.array(z.string()),
    }),
    dateDebut: day.nullable(),
    dateFin: day.nullable(),
    evenements: z.array(eventOut),
    coordination: z.array(coordinationPostOut),
    liens: z.array(linkOut),
    sources: z.array(sourceOut),
    signataires: z.array(z.string()),
    /** Public contacts only for an anonymous reader. */
    contacts: z.array(contactOut),
    specifique: specificFieldsOut,
    fraicheur: z.object({
      verifieLe: day.nullable(),
      aVerifier: z.boolean(),
      aRenouveler: z.boolean(),
      verifiePar: z.string().nullable(),
    }),
    /** Date the record is read at. */
    date: day,
    version: z.number().int(),
    creeLe: instant,
    modifieLe: instant,
  })
  .meta({ id: 'Dynamique' });
export type PresentedDynamic = z.infer<typeof presentedDynamic>;

/**
 * GET /api/dynamiques (format=json). Documentation only: a page holds up to 1,000 records, and checking
 * them doubled the time of writing the answer (about 9 ms more at 1,000); the records come from the same
 * presenter as GET /api/dynamiques/{id}, whose answer is checked.
 */
export const dynamicPage = documentsOnly(pageOf(presentedDynamic).extend({ date: day }));
export type DynamicPage = z.infer<typeof dynamicPage>;

const importError = z.object({ ligne: z.number().int(), champ: z.string(), message: z.string() });

/** POST /api/imports/dynamiques: the report of API.md, plus `inchanges`, `dryRun` and `lot`. */
export const dynamicImportReport = z.object({
  valide: z.boolean(),
  /** Data rows read (the header and blank lines excluded). */
  lignes: z.number().int(),
  erreurs: z.array(importError),
  crees: z.number().int(),
  modifies: z.number().int(),
  inchanges: z.number().int(),
  dryRun: z.boolean(),
  /** Change set written, to revert with POST /api/lots/{id}/annuler. */
  lot: z.string().nullable(),
  /** True when a retry (same Idempotency-Key, or the same file) answers the first import's result. */
  rejoue: z.boolean(),
  /** Rows without `id` found to be an existing dynamic (same kind, same name, same territory): updated. */
  correspondances: z.array(z.object({ ligne: z.number().int(), id: z.string(), nom: z.string() })).optional(),
});
export type DynamicImportReport = z.infer<typeof dynamicImportReport>;
/** Import of a published layer (FINESS, a WFS layer): also the records stopped as absent from it. */
export const sourceSyncReport = dynamicImportReport.extend({
  arretes: z.number().int(),
  /** Date of the source (FINESS extraction date), recorded as the verification date. */
  dateSource: z.string().nullable(),
});
export type SourceSyncReport = z.infer<typeof sourceSyncReport>;
export { importError };

/** A change set (one import) of dynamics or notices. */
export const lotOut = z.object({
  id: z.string(),
  date: instant,
  auteur: z.string(),
  description: z.string(),
  nombre: z.number().int(),
  annule: z.boolean(),
  annuleLe: instant.nullable(),
  annulePar: z.string().nullable(),
});
export const lotPage = pageOf(lotOut);
export const lotRevertReport = z.object({
  lot: z.string(),
  supprimees: z.number().int(),
  restaurees: z.number().int(),
});

const linkedDynamic = z.object({ id: z.string(), nom: z.string(), type: z.string() });
const linkEnd = z.object({
  type: z.enum(LINK_TYPES),
  /** How the link reads from the dynamic asked for (`volet santé mentale de`, `a pour volet santé mentale`). */
  libelle: z.string(),
  dynamique: linkedDynamic,
  debut: z.string().nullable(),
  fin: z.string().nullable(),
});

/** `GET /api/dynamiques/{id}/liens`: the links a record states, and those other records state towards it. */
export const dynamicLinksOut = z.object({
  sortants: z.array(linkEnd),
  entrants: z.array(linkEnd),
});
export type DynamicLinks = z.infer<typeof dynamicLinksOut>;
