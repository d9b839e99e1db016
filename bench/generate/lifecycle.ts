import { addMonths, FIRST_DAY, isoOf, LAST_DAY } from './dates.ts';
import type { Rng } from './prng.ts';

export type Status = 'en_projet' | 'actif' | 'suspendu' | 'arrete';

export interface GeneratedEvent {
  date: string;
  type: 'creation' | 'signature' | 'renouvellement' | 'suspension' | 'reprise' | 'arret';
  statut?: Status;
  note?: string;
}

export interface CoordinationPostInput {
  intitule: string;
  etp: number;
  financeurs: string[];
  debut: string | null;
  fin: string | null;
  vacant: boolean;
}

export interface LifecycleSpec {
  /** First year this kind of dynamic exists (clamped to 2005). */
  since: number;
  /** Fixed-term contracts (CLS, contrats de ville…) end or are renewed after this many years. */
  termYears?: number;
  /** Share of open-ended dynamics stopped at some point. */
  stopRate: number;
}

export interface Lifecycle {
  statut?: Status;
  evenements?: GeneratedEvent[];
  dateDebut: string;
  dateFin: string | null;
  /** Status after the last event: the CSV `statut` column. */
  finalStatus: Status;
  /** First and last day of activity, for coordination posts and links. */
  activeFrom: number;
  activeTo: number | null;
  generations: number;
}

const NOTES = ['', '', '', 'Comité de pilotage', 'Source : rapport d’activité', 'Information de l’ARS'];

/** Dated events (about 70 %) or a plain status, between 2005 and 2026. */
export function generateLifecycle(rng: Rng, spec: LifecycleSpec): Lifecycle {
  const first = Math.max(FIRST_DAY, Math.floor(Date.UTC(spec.since, 0, 1) / 86_400_000));
  const start = rng.int(first, LAST_DAY - 90);
  return rng.chance(0.7) ? withEvents(rng, spec, start) : withStatus(rng, start);
}

function withStatus(rng: Rng, start: number): Lifecycle {
  const statut = rng.weighted<Status>({ actif: 75, en_projet: 10, suspendu: 3, arrete: 12 });
  const end = statut === 'arrete' ? Math.min(LAST_DAY, addMonths(start, rng.int(12, 96))) : null;
  return {
    statut,
    dateDebut: isoOf(start),
    dateFin: end === null ? null : isoOf(end),
    finalStatus: statut,
    activeFrom: start,
    activeTo: end,
    generations: 1,
  };
}

function withEvents(rng: Rng, spec: LifecycleSpec, start: number): Lifecycle {
  const events: GeneratedEvent[] = [];
  const add = (day: number, type: GeneratedEvent['type'], statut: Status) => {
    const note = rng.pick(NOTES);
    events.push({
      date: isoOf(day),
      type,
      ...(rng.chance(0.5) ? { statut } : {}),
      ...(note ? { note } : {}),
    });
  };
  let signed = start;
  if (rng.chance(0.8)) {
    add(start, 'creation', 'en_projet');
    signed = addMonths(start, rng.int(3, 18));
    if (signed > LAST_DAY) {
      return {
        evenements: events,
        dateDebut: isoOf(start),
        dateFin: null,
        finalStatus: 'en_projet',
        activeFrom: start,
        activeTo: null,
        generations: 1,
      };
    }
  }
  add(signed, 'signature', 'actif');
  let end: number | null = null;
  let generations = 1;
  let status: Status = 'actif';
  if (spec.termYears) {
    let cursor = signed;
    while (addMonths(cursor, spec.termYears * 12) <= LAST_DAY) {
      const due = addMonths(cursor, spec.termYears * 12);
      if (!rng.chance(0.65)) {
        end = due;
        if (rng.chance(0.5)) {
          add(due, 'arret', 'arrete');
          status = 'arrete';
        }
        break;
      }
      add(due, 'renouvellement', 'actif');
      generations++;
      cursor = due;
    }
    end ??= addMonths(cursor, spec.termYears * 12);
  } else {
    const from = addMonths(signed, 6);
    if (from < LAST_DAY && rng.chance(0.05)) {
      const paused = rng.int(from, LAST_DAY);
      add(paused, 'suspension', 'suspendu');
      status = 'suspendu';
      const back = addMonths(paused, rng.int(3, 24));
      if (back <= LAST_DAY && rng.chance(0.6)) {
        add(back, 'reprise', 'actif');
        status = 'actif';
      }
    } else if (from < LAST_DAY && rng.chance(spec.stopRate)) {
      end = rng.int(from, LAST_DAY);
      add(end, 'arret', 'arrete');
      status = 'arrete';
    }
  }
  return {
    evenements: events,
    dateDebut: isoOf(signed),
    dateFin: end === null ? null : isoOf(end),
    finalStatus: status,
    activeFrom: signed,
    activeTo: status === 'arrete' ? end : null,
    generations,
  };
}

export interface CoordinationSpec {
  title: string;
  funders: readonly string[];
  /** Share of dynamics of this kind with a coordination post. */
  rate: number;
  etp: readonly number[];
}

/** Zero to two successive coordination posts over the active period, sometimes vacant. */
export function generateCoordination(
  rng: Rng,
  spec: CoordinationSpec,
  life: Lifecycle,
): CoordinationPostInput[] {
  if (!rng.chance(spec.rate)) return [];
  const post = (debut: number, fin: number | null, vacant: boolean): CoordinationPostInput => ({
    intitule: spec.title,
    etp: rng.pick(spec.etp),
    financeurs: rng.sample(spec.funders, rng.int(1, Math.min(3, spec.funders.length))),
    debut: isoOf(debut),
    fin: fin === null ? null : isoOf(fin),
    vacant,
  });
  const end = life.activeTo;
  const last = end ?? LAST_DAY;
  if (last - life.activeFrom > 3 * 365 && rng.chance(0.3)) {
    const change = rng.int(life.activeFrom + 365, last - 180);
    return [post(life.activeFrom, change, false), post(change + rng.int(0, 120), end, rng.chance(0.15))];
  }
  return [post(life.activeFrom, end, end === null && rng.chance(0.08))];
}
