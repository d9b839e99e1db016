import {
  FUNDER_TYPES,
  type FunderType,
  HEALTH_POLICIES,
  POLICIES,
  type Policy,
  SCALES,
  SETTINGS,
} from './vocabulary.ts';

/** What the grid analyses read of an action. */
export interface GridAction {
  echelle: string | null;
  milieu: string | null;
  qpv: boolean;
  impliqueVille: boolean;
  financeurs: { type: FunderType }[];
  politiques: Policy[];
  debut: string | null;
  fin: string | null;
  /** Dynamics involved, with their kind (null when unknown). */
  dynamiques: { role: 'porteur' | 'partenaire'; type: string | null }[];
}

const NOT_GIVEN = 'non_renseigne';
const DAYS_PER_YEAR = 365.25;
const DAY_MS = 86_400_000;

/** Shares in 0..1 to four decimals, durations in years to two: what a person checks by hand. */
const share = (n: number, total: number) => (total === 0 ? 0 : Math.round((n / total) * 10_000) / 10_000);
const years = (y: number) => Math.round(y * 100) / 100;

/** Years between two ISO dates (days / 365.25). */
export function durationYears(debut: string, fin: string): number {
  return (Date.parse(`${fin}T00:00:00Z`) - Date.parse(`${debut}T00:00:00Z`)) / DAY_MS / DAYS_PER_YEAR;
}

function median(sorted: number[]): number {
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

function sharesOf(values: readonly string[], counts: Map<string, number>, total: number) {
  const out: Record<string, number> = {};
  for (const v of values) out[v] = share(counts.get(v) ?? 0, total);
  return out;
}

const bump = (m: Map<string, number>, key: string, by = 1) => m.set(key, (m.get(key) ?? 0) + by);
const FUNDER_INDEX = Object.fromEntries(FUNDER_TYPES.map((t, i) => [t, i])) as Record<FunderType, number>;

/**
 * The figures the 2018 survey computed by hand over the actions it reviewed, for any set of actions:
 * urban/rural and QPV shares, scales, dynamics involved (by kind and role), the city's involvement,
 * funding (multi-funded, each funder type's share of mentions and of actions, most frequent pairs),
 * linked public policies and durations (today for an action without end). `today`: AAAA-MM-JJ.
 */
export function analyseGrid(actions: readonly GridAction[], today: string) {
  const total = actions.length;
  const bySetting = new Map<string, number>();
  const byScale = new Map<string, number>();
  const kindAny = new Map<string, number>();
  const kindCarrier = new Map<string, number>();
  const kindPartner = new Map<string, number>();
  const funderMentions = new Map<string, number>();
  const funderActions = new Map<string, number>();
  const pairs = new Map<string, number>();
  const policyActions = new Map<string, number>();
  let qpv = 0;
  let urbanQpv = 0;
  let withDynamic = 0;
  let city = 0;
  let funded = 0;
  let multiFunded = 0;
  let mentions = 0;
  let withPolicy = 0;
  let policyMentions = 0;
  let healthPolicyMentions = 0;
  const durations: number[] = [];
  // Dates repeat across actions: each is parsed once.
  const days = new Map<string, number>();
  const dayOf = (iso: string) => {
    let d = days.get(iso);
    if (d === undefined) {
      d = Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
      days.set(iso, d);
    }
    return d;
  };

  // Funder types as bits of a mask: an action's set of types, and its pairs, without allocating.
  const mentionsByType = new Array<number>(FUNDER_TYPES.length).fill(0);
  const actionsByType = new Array<number>(FUNDER_TYPES.length).fill(0);
  const masks = new Map<number, number>();
  const seenKinds: string[] = [];
  for (const a of actions) {
    bump(bySetting, a.milieu ?? NOT_GIVEN);
    bump(byScale, a.echelle ?? NOT_GIVEN);
    if (a.qpv) qpv++;
    if (a.qpv && a.milieu === 'urbain') urbanQpv++;
    if (a.impliqueVille) city++;
    if (a.dynamiques.length > 0) withDynamic++;
    seenKinds.length = 0;
    for (const d of a.dynamiques) {
      if (d.type === null || seenKinds.includes(d.type)) continue;
      seenKinds.push(d.type);
      bump(kindAny, d.type);
      if (a.dynamiques.some((x) => x.type === d.type && x.role === 'porteur')) bump(kindCarrier, d.type);
      if (a.dynamiques.some((x) => x.type === d.type && x.role === 'partenaire')) bump(kindPartner, d.type);
    }
    const n = a.financeurs.length;
    if (n > 0) funded++;
    if (n >= 2) multiFunded++;
    mentions += n;
    let mask = 0;
    for (const f of a.financeurs) {
      const t = FUNDER_INDEX[f.type];
      mentionsByType[t] = (mentionsByType[t] as number) + 1;
      mask |= 1 << t;
    }
    if (mask !== 0) masks.set(mask, (masks.get(mask) ?? 0) + 1);
    if (a.politiques.length > 0) withPolicy++;
    for (const p of a.politiques) {
      bump(policyActions, p);
      policyMentions++;
      if (HEALTH_POLICIES.has(p)) healthPolicyMentions++;
    }
    if (a.debut) durations.push((dayOf(a.fin ?? today) - dayOf(a.debut)) / DAYS_PER_YEAR);
  }
  for (const [mask, count] of masks) {
    for (let i = 0; i < FUNDER_TYPES.length; i++) {
      if (!(mask & (1 << i))) continue;
      actionsByType[i] = (actionsByType[i] as number) + count;
      for (let j = i + 1; j < FUNDER_TYPES.length; j++)
        if (mask & (1 << j)) bump(pairs, `${FUNDER_TYPES[i]}|${FUNDER_TYPES[j]}`, count);
    }
  }
  FUNDER_TYPES.forEach((t, i) => {
    funderMentions.set(t, mentionsByType[i] as number);
    funderActions.set(t, actionsByType[i] as number);
  });

  const kinds = [...kindAny.keys()].sort();
  durations.sort((x, y) => x - y);
  return {
    total,
    partUrbain: share(bySetting.get('urbain') ?? 0, total),
    partRural: share(bySetting.get('rural') ?? 0, total),
    parMilieu: sharesOf([...SETTINGS, NOT_GIVEN], bySetting, total),
    partQpv: share(qpv, total),
    /** Among urban actions, the share in a QPV (« dont la moitié en quartier politique de la ville »). */
    partQpvParmiUrbain: share(urbanQpv, bySetting.get('urbain') ?? 0),
    parEchelle: sharesOf([...SCALES, NOT_GIVEN], byScale, total),
    partAvecDynamique: share(withDynamic, total),
    parDispositif: Object.fromEntries(
      kinds.map((k) => [
        k,
        {
          part: share(kindAny.get(k) ?? 0, total),
          partPorteur: share(kindCarrier.get(k) ?? 0, total),
          partPartenaire: share(kindPartner.get(k) ?? 0, total),
        },
      ]),
    ),
    partVille: share(city, total),
    partFinancees: share(funded, total),
    partMultiFinancees: share(multiFunded, total),
    mentionsFinanceurs: mentions,
    financeurs: FUNDER_TYPES.map((type) => ({
      type,
      mentions: funderMentions.get(type) ?? 0,
      partMentions: share(funderMentions.get(type) ?? 0, mentions),
      actions: funderActions.get(type) ?? 0,
      partActions: share(funderActions.get(type) ?? 0, total),
    })),
    pairesFinanceurs: [...pairs]
      .map(([key, nombre]) => ({
        types: key.split('|') as [FunderType, FunderType],
        nombre,
        part: share(nombre, total),
      }))
      .sort((x, y) => y.nombre - x.nombre || x.types.join().localeCompare(y.types.join())),
    politiquesLiees: {
      nombre: withPolicy,
      part: share(withPolicy, total),
      /** Share of the policy mentions that are health policies (PRS, PNNS, CLS, PLSP, médiation…). */
      partSante: share(healthPolicyMentions, policyMentions),
      parPolitique: sharesOf(POLICIES, policyActions, total),
    },
    duree: {
      nombre: durations.length,
      moyenne: durations.length ? years(durations.reduce((s, d) => s + d, 0) / durations.length) : null,
      mediane: durations.length ? years(median(durations)) : null,
      min: durations.length ? years(durations[0] as number) : null,
      max: durations.length ? years(durations.at(-1) as number) : null,
    },
  };
}
export type GridAnalysis = ReturnType<typeof analyseGrid>;
