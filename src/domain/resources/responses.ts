import { pageOf } from '../kernel/responses.ts';
import { importError } from '../registry/responses.ts';
import { TERRITORY_TYPES } from '../territories/types.ts';
import { z } from '../zod-fr.ts';
import { ABSTRACT_ORIGINS, NOTICE_TYPES, OFFICIAL_TEXT_KINDS } from './vocabulary.ts';

/**
 * What the notice routes answer (src/resources/notice.presenter.ts, the search and import services).
 * Stored notices were validated when written: values are described, not checked again.
 */

const instant = z.string().meta({ description: 'date et heure ISO 8601' });
const publication = z.string().meta({ description: 'AAAA, AAAA-MM ou AAAA-MM-JJ' });

/** A person (nom, prénom) or an organisation. */
export const contributorOut = z
  .union([
    z.object({ nom: z.string(), prenom: z.string().nullable() }),
    z.object({ organisation: z.string() }),
  ])
  .meta({ id: 'Contributeur' });
export type ContributorOut = z.infer<typeof contributorOut>;

const noticeType = z.enum(NOTICE_TYPES);

/** A notice as the API returns it: the fields as entered, plus id, year, version and dates. */
export const presentedNotice = z.object({
  id: z.string(),
  type: noticeType,
  sousType: z.enum(OFFICIAL_TEXT_KINDS).nullish(),
  titre: z.string(),
  auteurs: z.array(contributorOut),
  directeurs: z.array(contributorOut),
  conteneur: z
    .object({ titre: z.string().nullable(), volume: z.string().nullable(), numero: z.string().nullable() })
    .nullable(),
  collection: z.string().nullable(),
  editeur: z.string().nullable(),
  lieu: z.string().nullable(),
  date: publication.nullable(),
  pages: z.string().nullable(),
  etendue: z.string().nullish(),
  url: z.string().nullable(),
  consulteLe: z.string().nullish(),
  doi: z.string().nullish(),
  isbn: z.string().nullish(),
  issn: z.string().nullish(),
  langue: z.string().nullable(),
  resume: z.string().nullable(),
  origineResume: z.enum(ABSTRACT_ORIGINS).nullish(),
  disponibilite: z.string().nullish(),
  motsCles: z.array(z.string()),
  etiquettes: z.array(z.string()),
  dispositifs: z.array(z.string()),
  themes: z.array(z.string()),
  publics: z.array(z.string()),
  dynamiques: z.array(z.string()),
  territoires: z.array(z.object({ type: z.enum(TERRITORY_TYPES), code: z.string() })),
  actions: z.array(z.string()),
  /** Year of `date`, for sorting and facets. */
  annee: z.number().int().nullable(),
  version: z.number().int(),
  creeLe: instant,
  modifieLe: instant,
});
export type PresentedNotice = z.infer<typeof presentedNotice>;

/** One notice (GET, and the answer of a write): its abstract cut into the glossary's terms. */
export const noticeDetail = presentedNotice
  .extend({
    /** The abstract as segments, `terme` naming the glossary entry a segment is (null without abstract). */
    resumeLiens: z
      .array(z.object({ texte: z.string(), terme: z.string().optional() }))
      .nullable()
      .optional(),
  })
  .meta({ id: 'Notice' });
export type NoticeDetail = z.infer<typeof noticeDetail>;

export const facet = z.object({
  valeur: z.union([z.string(), z.number()]),
  libelle: z.string(),
  nombre: z.number().int(),
});
export type Facet = z.infer<typeof facet>;

/** A search result: the notice's main fields and an excerpt around the matching words. */
export const noticeHit = z.object({
  id: z.string(),
  type: noticeType,
  sousType: z.string().nullish(),
  titre: z.string(),
  auteurs: z.array(contributorOut),
  date: publication.nullable(),
  annee: z.number().int().nullable(),
  url: z.string().nullable(),
  dispositifs: z.array(z.string()),
  /** HTML-escaped excerpt where matching words are wrapped in <mark>. */
  extrait: z.string().nullable(),
});
export type NoticeHit = z.infer<typeof noticeHit>;

/** GET /api/ressources. */
export const noticeResults = pageOf(noticeHit).extend({
  facettes: z.object({
    type: z.array(facet),
    annee: z.array(facet),
    dispositif: z.array(facet),
    theme: z.array(facet),
    public: z.array(facet),
  }),
});
export type NoticeResults = z.infer<typeof noticeResults>;

/** A notice about a territory or one of its dynamics (territory profiles). */
export const linkedNotice = noticeHit.omit({ sousType: true, extrait: true }).extend({
  via: z.enum(['territoire', 'dynamique']),
});

const labelled = z.object({ valeur: z.string(), libelle: z.string() });

/** GET /api/ressources/vocabulaires. */
export const vocabulariesOut = z.object({
  types: z.array(labelled),
  sousTypes: z.array(labelled),
  dispositifs: z.array(labelled),
  themes: z.array(labelled),
  publics: z.array(labelled),
  originesResume: z.array(labelled),
  /** Descriptors of the thesaurus. */
  motsCles: z.array(z.string()).readonly(),
  sigles: z.array(z.object({ sigle: z.string(), formes: z.array(z.string()).readonly() })),
});

const duplicateReason = z.enum(['doi', 'url', 'titre_annee']);

/** POST /api/ressources/doublons. */
export const duplicateCheckResult = z.object({
  doublons: z.array(
    z.object({ id: z.string(), titre: z.string(), motif: duplicateReason, libelle: z.string() }),
  ),
  similaires: z.array(
    z.object({
      id: z.string(),
      titre: z.string(),
      annee: z.number().int().nullable(),
      /** Title similarity, 0..1. */
      similarite: z.number(),
    }),
  ),
});

/** POST /api/imports/ressources: the report of the dynamics import, plus the duplicates found. */
export const noticeImportReport = z.object({
  /** Nothing is wrong, or (partial import) the valid notices can be written, the others left out. */
  valide: z.boolean(),
  format: z.string(),
  lignes: z.number().int(),
  /** Notices read without any problem, and notices with at least one (listed in `erreurs`). */
  valides: z.number().int(),
  signalees: z.number().int(),
  /** The valid notices are imported and those reported left out (`partiel=true`). */
  partiel: z.boolean(),
  erreurs: z.array(importError),
  crees: z.number().int(),
  modifies: z.number().int(),
  inchanges: z.number().int(),
  doublons: z.array(
    z.object({
      ligne: z.number().int(),
      titre: z.string(),
      motif: duplicateReason,
      libelle: z.string(),
      /** Stored notice it duplicates (null when it repeats an earlier record of the file). */
      notice: z.string().nullable(),
      /** Line of the earlier record of the file it repeats, if so. */
      ligneDoublon: z.number().int().nullable(),
      action: z.enum(['ignoree', 'fusionnee']),
    }),
  ),
  dryRun: z.boolean(),
  lot: z.string().nullable(),
});
export type NoticeImportReport = z.infer<typeof noticeImportReport>;

/** GET /api/ressources/doublons: pairs of stored notices that may describe one document. */
export const noticePairs = z.object({
  items: z.array(
    z.object({
      a: presentedNotice,
      b: presentedNotice,
      /** Same DOI, same address, or close titles. */
      motif: z.enum(['doi', 'url', 'titre']),
      libelle: z.string(),
      /** Similarity of the folded titles, 0..1. */
      similarite: z.number(),
    }),
  ),
});
export type NoticePairs = z.infer<typeof noticePairs>;

/** POST /api/ressources/fusion: the notice kept, and the sélections now citing it instead. */
export const noticeMergeResult = z.object({
  notice: noticeDetail,
  selections: z.array(z.object({ id: z.string(), titre: z.string() })),
});
export type NoticeMergeResult = z.infer<typeof noticeMergeResult>;
