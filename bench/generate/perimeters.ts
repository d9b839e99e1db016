import type { CogCommune, CogDepartement, CogEpci, CogReference } from './cog.ts';
import { epciShortName, ofPlace } from './naming.ts';
import { type Rng, WeightedPicker } from './prng.ts';

export interface Perimeter {
  communes: string[];
  epci: string[];
  departements: string[];
  qpv: string[];
}

/** A generated perimeter with what naming and linking need. */
export interface Place {
  perimetre: Perimeter;
  /** Every commune covered, expanded. */
  covered: string[];
  scale: 'commune' | 'communes' | 'epci' | 'departement';
  /** "Lyon", "Pays de Gex", "Ain". */
  label: string;
  /** "de Lyon", "du Pays de Gex", "de l’Ain". */
  of: string;
  population: number;
  commune?: CogCommune;
  epci?: CogEpci;
  departement?: CogDepartement;
}

const empty = (): Perimeter => ({ communes: [], epci: [], departements: [], qpv: [] });

/**
 * Realistic perimeters over the real communes: population-weighted draws, neighbours taken in the same
 * EPCI, groups of communes inside one département.
 */
export class PerimeterFactory {
  readonly urban: WeightedPicker<CogCommune>;
  readonly anyCommune: WeightedPicker<CogCommune>;
  readonly towns: WeightedPicker<CogCommune>;
  readonly cities: WeightedPicker<CogCommune>;
  readonly bigCities: WeightedPicker<CogCommune>;
  readonly epciByPopulation: WeightedPicker<CogEpci>;
  readonly epciBySize: WeightedPicker<CogEpci>;

  private readonly taken = new Map<string, Set<string>>();

  constructor(private readonly cog: CogReference) {
    const communes = cog.communes;
    const atLeast = (n: number) => communes.filter((c) => c.population >= n);
    this.urban = new WeightedPicker(communes, (c) => c.population);
    this.anyCommune = new WeightedPicker(communes, (c) => Math.sqrt(c.population) + 1);
    this.towns = new WeightedPicker(atLeast(3_000), (c) => c.population ** 0.7);
    this.cities = new WeightedPicker(atLeast(10_000), (c) => c.population);
    this.bigCities = new WeightedPicker(atLeast(20_000), (c) => c.population);
    this.epciByPopulation = new WeightedPicker(cog.epci, (e) => e.population);
    this.epciBySize = new WeightedPicker(cog.epci, (e) => Math.sqrt(e.population));
  }

  /**
   * A draw not yet taken for `key` (one contrat de ville per EPCI, one CLS per city…), falling back to
   * a repeat when the picker is exhausted.
   */
  fresh<T extends { code: string }>(rng: Rng, picker: WeightedPicker<T>, key: string): T {
    const used = this.taken.get(key) ?? new Set<string>();
    this.taken.set(key, used);
    let item = picker.pick(rng);
    for (let attempt = 0; attempt < 50 && used.has(item.code); attempt++) item = picker.pick(rng);
    used.add(item.code);
    return item;
  }

  commune(c: CogCommune): Place {
    return {
      perimetre: { ...empty(), communes: [c.code] },
      covered: [c.code],
      scale: 'commune',
      label: c.nom,
      of: ofPlace(c.nom, c.liaison),
      population: c.population,
      commune: c,
    };
  }

  /** A city and up to `extra` of the most populated other communes of its EPCI. */
  cityCluster(rng: Rng, city: CogCommune, extra: number): Place {
    const epci = city.epci ? this.cog.epciByCode.get(city.epci) : undefined;
    const neighbours = (epci?.membres ?? [])
      .filter((code) => code !== city.code)
      .map((code) => this.cog.communeByCode.get(code) as CogCommune)
      .sort((a, b) => b.population - a.population)
      .slice(0, Math.max(extra * 2, 1));
    const chosen = [city, ...rng.sample(neighbours, extra)];
    if (chosen.length === 1) return this.commune(city);
    return {
      ...this.commune(city),
      perimetre: { ...empty(), communes: chosen.map((c) => c.code) },
      covered: chosen.map((c) => c.code),
      scale: 'communes',
      population: chosen.reduce((s, c) => s + c.population, 0),
    };
  }

  epci(e: CogEpci): Place {
    const { label, of } = epciShortName(e.nom);
    return {
      perimetre: { ...empty(), epci: [e.code] },
      covered: [...e.membres],
      scale: 'epci',
      label,
      of,
      population: e.population,
      epci: e,
    };
  }

  /** `size` communes of one département around an anchor: its EPCI first, then other EPCI of the département. */
  communeGroup(rng: Rng, anchor: CogCommune, size: number): Place {
    const dep = anchor.departement;
    const inDep = (code: string) => this.cog.communeByCode.get(code)?.departement === dep;
    const own = anchor.epci ? (this.cog.epciByCode.get(anchor.epci)?.membres ?? []) : [];
    const others = rng
      .sample(this.cog.epciByDepartement.get(dep) ?? [], 50)
      .filter((e) => e.code !== anchor.epci)
      .flatMap((e) => e.membres);
    const pool = [anchor.code, ...own.filter((c) => c !== anchor.code), ...others].filter(inDep);
    const codes = [...new Set(pool)].slice(0, size);
    const communes = codes.map((code) => this.cog.communeByCode.get(code) as CogCommune);
    return {
      perimetre: { ...empty(), communes: codes },
      covered: codes,
      scale: 'communes',
      label: anchor.nom,
      of: ofPlace(anchor.nom, anchor.liaison),
      population: communes.reduce((s, c) => s + c.population, 0),
      commune: anchor,
    };
  }

  /** `count` EPCI of one département (a DAC or a PTSM sector). */
  epciGroup(rng: Rng, dep: CogDepartement, count: number): Place {
    const chosen = rng.sample(this.cog.epciByDepartement.get(dep.code) ?? [], count);
    if (chosen.length === 0) return this.departement(dep);
    return {
      perimetre: { ...empty(), epci: chosen.map((e) => e.code) },
      covered: chosen.flatMap((e) => e.membres),
      scale: 'epci',
      label: dep.nom,
      of: ofPlace(dep.nom, dep.liaison),
      population: chosen.reduce((s, e) => s + e.population, 0),
      departement: dep,
    };
  }

  departement(dep: CogDepartement): Place {
    const communes = this.cog.communesByDepartement.get(dep.code) ?? [];
    return {
      perimetre: { ...empty(), departements: [dep.code] },
      covered: communes.map((c) => c.code),
      scale: 'departement',
      label: dep.nom,
      of: ofPlace(dep.nom, dep.liaison),
      population: communes.reduce((s, c) => s + c.population, 0),
      departement: dep,
    };
  }
}
