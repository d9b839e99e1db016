import type { Actor } from '../domain/actor.ts';
import { coverageByKind } from '../domain/analytics/coverage.ts';
import { territoryGaps } from '../domain/analytics/gaps.ts';
import { type AnalyticDynamic, type CommuneInfo, periodStatusAt } from '../domain/analytics/model.ts';
import { type QpvInfo, qpvCoverage } from '../domain/analytics/qpv-coverage.ts';
import type { PerimeterProfileBody } from '../domain/analytics/schemas.ts';
import { invalid } from '../domain/errors.ts';
import { DYNAMIC_KINDS } from '../domain/registry/kinds.ts';
import { todayIso } from '../domain/registry/timeline.ts';
import type { TerritoryType } from '../domain/territories/types.ts';
import { CoalescedRead } from '../lib/coalesced-read.ts';
import type { RegistryService } from '../registry/registry.service.ts';
import type { TerritoryService } from '../territories/territory.service.ts';
import { ProfileCache } from './profile-cache.ts';
import type { Snapshot, SnapshotCache } from './snapshot.ts';

const KINDS = DYNAMIC_KINDS.filter((k) => k !== 'AUTRE');
// Collators made once: `localeCompare` with a locale builds one per comparison (same order).
const byDefault = new Intl.Collator();
const byFrench = new Intl.Collator('fr');

/** Where profiles find the resources written about a territory or its dynamics (the resource centre). */
export interface LinkedResources {
  /** Changes whenever what `linkedTo` answers may change. */
  stamp(): Promise<number>;
  /** `generation`: the stamp the caller read; the answer is at least as recent. */
  linkedTo(
    actor: Actor,
    q: { territories: { type: string; code: string }[]; dynamics: string[] },
    generation: number,
  ): Promise<unknown[]>;
}

/** Territory profiles: every dynamic covering a territory, coverage per kind and gaps. */
/** Communes of QPV codes (the registry's perimeter repository answers it). */
export interface QpvCommunes {
  qpvCommunes(codes: string[]): Promise<Map<string, string[]>>;
  /** QPV of the latest generation lying in these communes (empty without the QPV layer). */
  qpvOfCommunes(communes: string[]): Promise<QpvInfo[]>;
}

export class ProfileService {
  constructor(
    private readonly cache: SnapshotCache,
    private readonly territories: TerritoryService,
    private readonly registry: RegistryService,
    private readonly perimeters: QpvCommunes,
    private readonly resources: LinkedResources | null = null,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  private readonly kept = new ProfileCache<Awaited<ReturnType<ProfileService['computeProfile']>>>();
  /** The resources' stamp, read once for the profiles asked together. */
  private readonly resourceStamps = new CoalescedRead(async () => (await this.resources?.stamp()) ?? 0);

  async profile(actor: Actor, type: TerritoryType, code: string, date?: string) {
    const today = todayIso(this.clock());
    const day = date ?? today;
    const [s, resources] = await Promise.all([this.cache.get(), this.resourceStamps.current()]);
    // Contacts without consent are shown to identified readers only: two answers per territory and day.
    const key = `${type}:${code}|${day}|${today}|${actor.kind === 'anonymous' ? 'a' : 'i'}`;
    const hit = this.kept.get(key, s, resources);
    if (hit) return hit;
    const profile = await this.computeProfile(actor, s, type, code, day, resources);
    this.kept.set(key, s, resources, profile);
    return profile;
  }

  private async computeProfile(
    actor: Actor,
    s: Snapshot,
    type: TerritoryType,
    code: string,
    date: string,
    resourceStamp: number,
  ) {
    const territory = await this.territories.detail(actor, type, code);
    const communes = await this.communesOf(s, type, code, territory.enfants);
    const body = await this.build(actor, s, communes, date, type === 'qpv' ? code : undefined);
    // Resources about the territory, the territories containing it, or the dynamics covering it.
    const territories = [{ type, code }, ...territory.parents.map((p) => ({ type: p.type, code: p.code }))];
    const ressources = this.resources
      ? await this.resources.linkedTo(
          actor,
          {
            territories,
            dynamics: body.dynamiques.map((d) => d.id),
          },
          resourceStamp,
        )
      : [];
    return {
      territoire: { type, code, nom: territory.nom, population: territory.population },
      ...body,
      ressources,
    };
  }

  async perimeterProfile(actor: Actor, input: PerimeterProfileBody) {
    const s = await this.cache.get();
    const unknown = input.communes.filter((c) => !s.communes.has(c));
    if (unknown.length > 0)
      throw invalid(`Communes inconnues : ${unknown.join(', ')}`, {
        communes: `inconnues : ${unknown.join(', ')}`,
      });
    const codes = new Set(input.communes);
    for (const epci of input.epci) {
      const members = s.communesWhere({ epci });
      if (members.length === 0) throw invalid(`EPCI inconnu : ${epci}`, { epci: `inconnu : ${epci}` });
      for (const m of members) codes.add(m.code);
    }
    const communes = [...codes].map((c) => s.communes.get(c) as CommuneInfo);
    const date = input.date ?? todayIso(this.clock());
    const body = await this.build(actor, s, communes, date);
    const main = (key: 'departement' | 'region') => mostPopulated(communes, key);
    const dep = main('departement');
    const reg = main('region');
    const compare = (label: string, list: CommuneInfo[]) => ({
      territoire: label,
      population: list.reduce((sum, c) => sum + c.population, 0),
      couverture: coverageByKind(list, s.touching(list.map((c) => c.code)), KINDS, date),
    });
    return {
      territoire: {
        type: 'perimetre',
        nom: 'Périmètre saisi',
        communes: communes.length,
        population: sumPop(communes),
      },
      ...body,
      comparaisons: [
        ...(dep
          ? [compare(`département ${s.nameOf('departement', dep)}`, s.communesWhere({ departement: dep }))]
          : []),
        ...(reg ? [compare(`région ${s.nameOf('region', reg)}`, s.communesWhere({ region: reg }))] : []),
        { territoire: 'France', population: 0, couverture: this.nationalCoverage(s, date) },
      ].map((c) => (c.territoire === 'France' ? { ...c, population: sumPop(s.communesWhere({})) } : c)),
    };
  }

  private nationalCoverage(s: Snapshot, date: string) {
    return coverageByKind(s.communesWhere({}), s.dynamics, KINDS, date);
  }

  private async build(actor: Actor, s: Snapshot, communes: CommuneInfo[], date: string, onlyQpv?: string) {
    const codes = communes.map((c) => c.code);
    const qpvs = (await this.perimeters.qpvOfCommunes(codes)).filter((q) => !onlyQpv || q.code === onlyQpv);
    // Structures known by their seat only (CPTS from FINESS) are listed too, though they cover nothing yet.
    const touching = s.touchingOrSeated(codes).filter((d) => periodStatusAt(d.periods, date) !== null);
    touching.sort((a, b) => byDefault.compare(a.type, b.type) || byFrench.compare(a.nom, b.nom));
    const couverture = coverageByKind(communes, touching, KINDS, date);
    const dynamiques = await this.registry.getVersions(
      actor,
      touching.map((d) => ({ id: d.id, version: d.version })),
      date,
    );
    return {
      date,
      dynamiques,
      parType: groupByKind(touching),
      couverture,
      lacunes: territoryGaps(touching, couverture, date),
      qpv: qpvCoverage(qpvs, touching, KINDS, date),
    };
  }

  private async communesOf(
    s: Snapshot,
    type: TerritoryType,
    code: string,
    enfants: { type: string; code: string; nature?: string | undefined }[],
  ): Promise<CommuneInfo[]> {
    if (type === 'region') return s.communesWhere({ region: code });
    if (type === 'departement') return s.communesWhere({ departement: code });
    if (type === 'epci') return s.communesWhere({ epci: code });
    if (type === 'qpv') {
      const list = (await this.perimeters.qpvCommunes([code])).get(code) ?? [];
      return list.map((c) => s.communes.get(c)).filter((c): c is CommuneInfo => Boolean(c));
    }
    const self = s.communes.get(code);
    const arrondissements = enfants
      .filter((e) => e.nature === 'arrondissement_municipal')
      .map((e) => s.communes.get(e.code))
      .filter((c): c is CommuneInfo => Boolean(c));
    return self ? [self, ...arrondissements] : arrondissements;
  }
}

function groupByKind(dynamics: AnalyticDynamic[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const d of dynamics) {
    const list = out[d.type] ?? [];
    list.push(d.id);
    out[d.type] = list;
  }
  return out;
}

function sumPop(list: CommuneInfo[]): number {
  return list.reduce((s, c) => s + c.population, 0);
}

function mostPopulated(list: CommuneInfo[], key: 'departement' | 'region'): string | null {
  const pop = new Map<string, number>();
  for (const c of list)
    if (c[key]) pop.set(c[key] as string, (pop.get(c[key] as string) ?? 0) + c.population + 1);
  return [...pop].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}
