import { dynamicInput } from '../../src/domain/registry/schemas.ts';
import type { CogReference } from './cog.ts';
import { isoOf, LAST_DAY } from './dates.ts';
import { type Carrier, KIND_SPECS } from './dynamic-kinds.ts';
import {
  type CoordinationPostInput,
  type GeneratedEvent,
  generateCoordination,
  generateLifecycle,
  type Status,
} from './lifecycle.ts';
import { NameBook, SITE_NAMES } from './naming.ts';
import { type Perimeter, PerimeterFactory } from './perimeters.ts';
import type { Rng } from './prng.ts';

/** A dynamic in the input shape of API.md, with a stable `id` that links refer to. */
export interface BenchDynamic {
  id: string;
  type: string;
  nom: string;
  statut?: Status;
  porteur: Carrier;
  perimetre: Perimeter;
  dateDebut: string;
  dateFin: string | null;
  evenements?: GeneratedEvent[];
  coordination: CoordinationPostInput[];
  liens: { type: string; cible: string; debut: string | null; fin: string | null }[];
  sources: { titre: string; url: string; consulte: string }[];
  specifique?: { tranchePopulation?: '1' | '2' | '3' | '4'; generation?: number };
}

interface Generated {
  dynamic: BenchDynamic;
  covered: string[];
  activeFrom: number;
  activeTo: number | null;
}

/** Which earlier kind a dynamic may link to, how, and how often. */
const LINK_RULES: Record<string, { target: string; type: string; rate: number }> = {
  ASV: { target: 'CONTRAT_VILLE', type: 'volet_sante_de', rate: 0.7 },
  CLSM: { target: 'CLS', type: 'volet_sante_mentale_de', rate: 0.5 },
  CPTS: { target: 'CLS', type: 'partenaire_de', rate: 0.3 },
  MSP: { target: 'CPTS', type: 'partenaire_de', rate: 0.1 },
};

function cptsBracket(population: number): '1' | '2' | '3' | '4' {
  return population < 40_000 ? '1' : population < 80_000 ? '2' : population < 175_000 ? '3' : '4';
}

/**
 * `total` dynamics (10,000 by default) with the national mix of kinds. They come out grouped by kind,
 * link targets first: inserting them in order satisfies the "linked dynamic exists" rule.
 */
export function generateDynamics(rng: Rng, cog: CogReference, total = 10_000): BenchDynamic[] {
  const factory = new PerimeterFactory(cog);
  const names = new NameBook();
  const out: Generated[] = [];
  const byCommune = new Map<string, Generated[]>();
  const weight = KIND_SPECS.reduce((s, k) => s + k.per10k, 0);
  let assigned = 0;
  KIND_SPECS.forEach((spec, k) => {
    const last = k === KIND_SPECS.length - 1;
    const count = last ? total - assigned : Math.round((spec.per10k * total) / weight);
    assigned += count;
    const kr = rng.fork(spec.kind);
    for (let i = 0; i < count; i++) {
      const place = spec.place(kr, factory, cog, i);
      const life = generateLifecycle(kr, spec.life);
      const nom = names.unique(spec.name(kr, place), SITE_NAMES);
      const dynamic: BenchDynamic = {
        id: `bench-${String(out.length + 1).padStart(5, '0')}`,
        type: spec.kind,
        nom,
        ...(life.statut ? { statut: life.statut } : {}),
        porteur: spec.carrier(kr, place),
        perimetre: place.perimetre,
        dateDebut: life.dateDebut,
        dateFin: life.dateFin,
        ...(life.evenements ? { evenements: life.evenements } : {}),
        coordination: generateCoordination(kr, spec.coordination, life),
        liens: [],
        sources: kr.chance(0.3)
          ? [
              {
                titre: `Recensement régional des dynamiques ${kr.int(2016, 2025)}`,
                url: `https://observatoire.example.org/recensement/${spec.kind.toLowerCase()}/${out.length + 1}`,
                consulte: isoOf(Math.min(LAST_DAY, kr.int(life.activeFrom, life.activeFrom + 900))),
              },
            ]
          : [],
      };
      if (spec.kind === 'CPTS') dynamic.specifique = { tranchePopulation: cptsBracket(place.population) };
      if (spec.kind === 'CLS') dynamic.specifique = { generation: life.generations };
      const g = { dynamic, covered: place.covered, activeFrom: life.activeFrom, activeTo: life.activeTo };
      linkToEarlier(kr, g, byCommune);
      out.push(g);
      for (const code of place.covered) {
        const list = byCommune.get(code);
        if (list) list.push(g);
        else byCommune.set(code, [g]);
      }
    }
  });
  const dynamics = out.map((g) => g.dynamic);
  for (const d of dynamics) {
    const parsed = dynamicInput.safeParse(d);
    if (!parsed.success) throw new Error(`${d.id} invalide : ${parsed.error.message}`);
  }
  return dynamics;
}

function linkToEarlier(rng: Rng, g: Generated, byCommune: Map<string, Generated[]>) {
  const rule = LINK_RULES[g.dynamic.type];
  if (!rule || !rng.chance(rule.rate)) return;
  const end = (d: Generated) => d.activeTo ?? Number.POSITIVE_INFINITY;
  for (const code of g.covered) {
    const target = byCommune
      .get(code)
      ?.find(
        (t) =>
          t.dynamic.type === rule.target && Math.max(g.activeFrom, t.activeFrom) <= Math.min(end(g), end(t)),
      );
    if (!target) continue;
    const fin = Math.min(end(g), end(target));
    g.dynamic.liens.push({
      type: rule.type,
      cible: target.dynamic.id,
      debut: isoOf(Math.max(g.activeFrom, target.activeFrom)),
      fin: Number.isFinite(fin) ? isoOf(fin) : null,
    });
    return;
  }
}
