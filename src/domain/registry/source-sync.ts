import type { DynamicKind, Status } from './kinds.ts';
import type { DynamicInput } from './schemas.ts';
import { BEGINNING, statusAt } from './timeline.ts';

/**
 * A structure as a published layer describes it (a FINESS establishment, a feature of a WFS layer),
 * already resolved against the reference. The layer owns these fields; everything else of the record
 * (coordination, links, contacts…) belongs to the people who edit it and is never touched by a refresh.
 */
export interface SourcedRecord {
  /** Identifier in the source: FINESS number, or `<layer>:<id>`. */
  key: string;
  /** Position in the source (line or feature number), for the report. */
  line: number;
  type: DynamicKind;
  nom: string;
  /**
   * Communes covered. `null`: the source does not say (a CPTS's seat is not its perimeter), so the
   * perimeter stays "à préciser" until someone enters it.
   */
  communes: string[] | null;
  /** Commune of the address: the perimeter follows it while nobody has entered another one. */
  communeAdresse?: string | null;
  coordonnees?: { longitude: number; latitude: number } | null;
  porteur?: DynamicInput['porteur'];
  /** Opening or start date: the creation event. */
  dateDebut?: string | null;
  dateFin?: string | null;
  /** Status stated by the source; `actif` when it says nothing. */
  statut?: Status | null;
}

export interface SyncBatch {
  /** Field of `specifique` holding the key. */
  keyField: 'finess' | 'identifiantSource';
  /** Only keys with this prefix belong to the batch (one layer among several); '' for all. */
  keyPrefix: string;
  /** Kinds the source publishes: a record of these kinds absent from the source is stopped. */
  kinds: readonly DynamicKind[];
  /** History source of every change, e.g. `FINESS 2024-03-05`. */
  label: string;
  /** Date of the source: verification date, and the date of stops. */
  date: string;
  /** Who verified, as the record shows it (`verification.par`). */
  verifiedBy: string;
  /** Title and address of the source cited on each record. */
  sourceTitle: string;
  sourceUrl: string | null;
  /** A partial source (one département, a filtered layer) must not stop the others. */
  stopMissing: boolean;
}

const OPENING_NOTE = 'Ouverture selon la source publiée';

function citation(batch: SyncBatch): DynamicInput['sources'][number] {
  return { titre: batch.sourceTitle, url: batch.sourceUrl, consulte: batch.date };
}

/** The source's citation replaces an older one of the same source, other citations stay. */
function withCitation(sources: DynamicInput['sources'], batch: SyncBatch): DynamicInput['sources'] {
  const stem = batch.sourceTitle.split(' — ')[0] as string;
  return [...sources.filter((s) => !s.titre.startsWith(stem)), citation(batch)];
}

function openingEvents(rec: SourcedRecord): DynamicInput['evenements'] {
  if (!rec.dateDebut) return [];
  return [{ date: rec.dateDebut, type: 'creation', statut: rec.statut ?? 'actif', note: OPENING_NOTE }];
}

function perimeterOf(communes: string[]): DynamicInput['perimetre'] {
  return { communes, epci: [], departements: [], qpv: [] };
}

/** A new record from the source. */
export function newDynamic(rec: SourcedRecord, batch: SyncBatch): DynamicInput {
  const events = openingEvents(rec);
  const communes = rec.communes ?? [];
  return {
    type: rec.type,
    nom: rec.nom,
    statut: events.length > 0 ? null : (rec.statut ?? 'actif'),
    porteur: rec.porteur ?? null,
    perimetre: perimeterOf(communes),
    dateDebut: rec.dateDebut ?? null,
    dateFin: rec.dateFin ?? null,
    evenements: events,
    coordination: [],
    liens: [],
    sources: [citation(batch)],
    signataires: [],
    contacts: [],
    specifique: specificOf({}, rec, batch, communes.length === 0),
    verification: { date: batch.date, par: batch.verifiedBy },
  };
}

function specificOf(
  stored: DynamicInput['specifique'],
  rec: SourcedRecord,
  batch: SyncBatch,
  perimeterToEnter: boolean,
): DynamicInput['specifique'] {
  const out: DynamicInput['specifique'] = { ...stored, [batch.keyField]: rec.key };
  assign(out, 'communeAdresse', rec.communeAdresse);
  assign(out, 'coordonnees', rec.coordonnees);
  assign(out, 'perimetreAPreciser', perimeterToEnter ? true : null);
  return out;
}

/** Sets a field, or removes it when the value is empty, so that records compare equal across runs. */
function assign<K extends keyof DynamicInput['specifique']>(
  target: DynamicInput['specifique'],
  field: K,
  value: DynamicInput['specifique'][K] | undefined,
) {
  if (value === null || value === undefined) delete target[field];
  else target[field] = value;
}

/**
 * The stored record brought up to date with the source. The perimeter is the source's only while the
 * record still has the one the source gave (the address commune, or the layer's communes): a perimeter
 * entered by hand is kept.
 */
export function mergeDynamic(stored: DynamicInput, rec: SourcedRecord, batch: SyncBatch): DynamicInput {
  const communes = sourcePerimeter(stored, rec);
  const perimetre = communes ? perimeterOf(communes) : stored.perimetre;
  let evenements = stored.evenements.filter((e) => e.note !== OPENING_NOTE);
  const statusNow = statusAt(stored, batch.date);
  if (statusNow === 'arrete') {
    evenements.push({
      date: batch.date,
      type: 'reprise',
      statut: 'actif',
      note: `De nouveau présent : ${batch.label}`,
    });
  }
  evenements = [...openingEvents(rec), ...evenements];
  const reopened = statusNow === 'arrete';
  return {
    ...stored,
    type: rec.type,
    nom: rec.nom,
    statut: evenements.length > 0 ? (stored.statut ?? null) : (rec.statut ?? 'actif'),
    porteur: rec.porteur === undefined ? stored.porteur : rec.porteur,
    perimetre,
    dateDebut: rec.dateDebut ?? stored.dateDebut ?? null,
    dateFin: reopened ? null : (rec.dateFin ?? stored.dateFin ?? null),
    evenements,
    sources: withCitation(stored.sources, batch),
    specifique: specificOf(
      stored.specifique,
      rec,
      batch,
      perimetre.communes.length === 0 && communes !== null,
    ),
    verification: { date: batch.date, par: batch.verifiedBy },
  };
}

/** The communes the source gives when it still owns the perimeter; null to keep the stored one. */
function sourcePerimeter(stored: DynamicInput, rec: SourcedRecord): string[] | null {
  const p = stored.perimetre;
  if (p.epci.length + p.departements.length + p.qpv.length > 0) return null;
  if (p.communes.length === 0) return rec.communes ?? [];
  if (rec.communes === null) return null;
  if (rec.communeAdresse === undefined) return rec.communes;
  return sameList(p.communes, [stored.specifique.communeAdresse ?? '']) ? rec.communes : null;
}

/** Whether a record of the batch's scope, absent from the source, is still running on its date. */
export function shouldStop(stored: DynamicInput, batch: SyncBatch): boolean {
  const status = statusAt(stored, batch.date);
  return status !== null && status !== 'arrete';
}

/**
 * Stops a record absent from the source at the source's date. Its past is kept: a record that had
 * no dated event gets one for its start, so that "as it was on date D" still shows it running.
 */
export function stopDynamic(stored: DynamicInput, batch: SyncBatch): DynamicInput {
  const before =
    stored.evenements.length > 0
      ? stored.evenements
      : [
          {
            date: stored.dateDebut ?? BEGINNING,
            type: 'autre' as const,
            statut: stored.statut ?? 'actif',
            note: 'État avant l’arrêt',
          },
        ];
  return {
    ...stored,
    statut: null,
    dateFin: batch.date,
    evenements: [
      ...before,
      { date: batch.date, type: 'arret', statut: 'arrete', note: `Absent de la source : ${batch.label}` },
    ],
    verification: { date: batch.date, par: batch.verifiedBy },
  };
}

function sameList(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** JSON with sorted keys and without undefined values: two equal records give the same text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.keys(v)
            .sort()
            .map((k) => [k, v[k]]),
        )
      : v,
  );
}
