import type { CogDepartement, CogReference } from './cog.ts';
import type { CoordinationSpec, LifecycleSpec } from './lifecycle.ts';
import type { PerimeterFactory, Place } from './perimeters.ts';
import type { Rng } from './prng.ts';

export interface Carrier {
  nom: string;
  type: string;
  code?: string | null;
}

export interface KindSpec {
  kind: string;
  /** Number of dynamics of this kind in 10,000. */
  per10k: number;
  life: LifecycleSpec;
  coordination: CoordinationSpec;
  place(rng: Rng, f: PerimeterFactory, cog: CogReference, index: number): Place;
  name(rng: Rng, p: Place): string;
  carrier(rng: Rng, p: Place): Carrier;
}

const LOCAL_FUNDERS = ['ARS', 'Ville', 'EPCI', 'Département', 'Région', 'CPAM', 'Préfecture'] as const;
const CARE_FUNDERS = ['Assurance maladie (ACI)', 'ARS (FIR)', 'Commune', 'Région'] as const;

/** The collectivity matching a perimeter: a city council, an intercommunality or a département. */
function collectivity(p: Place): Carrier {
  if (p.epci) return { nom: p.epci.nom, type: 'epci', code: p.epci.code };
  if (p.commune) return { nom: `Ville ${p.of}`, type: 'commune', code: p.commune.code };
  if (p.departement) return { nom: `Conseil départemental ${p.of}`, type: 'departement' };
  return { nom: p.label, type: 'autre' };
}

const association = (nom: string): Carrier => ({ nom, type: 'association' });
const size = (rng: Rng, min: number, max: number) => rng.int(min, max);

/** Kinds in generation order: a link always points to a kind generated earlier in the list. */
export const KIND_SPECS: readonly KindSpec[] = [
  {
    kind: 'CONTRAT_VILLE',
    per10k: 450,
    life: { since: 2007, termYears: 8, stopRate: 0 },
    coordination: {
      title: 'Chef·fe de projet politique de la ville',
      funders: LOCAL_FUNDERS,
      rate: 0.6,
      etp: [1],
    },
    place: (rng, f) =>
      rng.chance(0.85)
        ? f.epci(f.fresh(rng, f.epciByPopulation, 'CV'))
        : f.commune(f.fresh(rng, f.cities, 'CV')),
    name: (_rng, p) => `Contrat de ville ${p.of}`,
    carrier: (_rng, p) => collectivity(p),
  },
  {
    kind: 'PTSM',
    per10k: 110,
    life: { since: 2018, termYears: 5, stopRate: 0 },
    coordination: {
      title: 'Coordinateur·rice PTSM',
      funders: ['ARS', 'Centre hospitalier'],
      rate: 0.8,
      etp: [0.5, 1],
    },
    place: (_rng, f, cog, i) =>
      f.departement(cog.departements[i % cog.departements.length] as CogDepartement),
    name: (_rng, p) => `Projet territorial de santé mentale ${p.of}`,
    carrier: (rng, p) => ({ nom: `${rng.pick(['Centre hospitalier', 'EPSM'])} ${p.of}`, type: 'hopital' }),
  },
  {
    kind: 'DAC',
    per10k: 110,
    life: { since: 2019, stopRate: 0.03 },
    coordination: { title: 'Direction du DAC', funders: ['ARS (FIR)'], rate: 0.9, etp: [1] },
    place: (rng, f, cog, i) => {
      const dep = cog.departements[i % cog.departements.length] as CogDepartement;
      return rng.chance(0.7) ? f.departement(dep) : f.epciGroup(rng, dep, size(rng, 2, 5));
    },
    name: (rng, p) => `${rng.pick(['DAC', 'Dispositif d’appui à la coordination'])} ${p.label}`,
    carrier: (_rng, p) => association(`Association DAC ${p.label}`),
  },
  {
    kind: 'PLSP',
    per10k: 80,
    life: { since: 2005, termYears: 5, stopRate: 0 },
    coordination: {
      title: 'Chargé·e de mission santé publique',
      funders: LOCAL_FUNDERS,
      rate: 0.9,
      etp: [1],
    },
    place: (rng, f) => f.commune(f.fresh(rng, f.bigCities, 'PLSP')),
    name: (_rng, p) => `Plan local de santé publique ${p.of}`,
    carrier: (_rng, p) => collectivity(p),
  },
  {
    kind: 'CLS',
    per10k: 700,
    life: { since: 2010, termYears: 5, stopRate: 0 },
    coordination: { title: 'Coordinateur·rice CLS', funders: LOCAL_FUNDERS, rate: 0.85, etp: [0.5, 0.8, 1] },
    place: (rng, f) =>
      rng.chance(0.55) ? f.commune(f.fresh(rng, f.towns, 'CLS')) : f.epci(f.fresh(rng, f.epciBySize, 'CLS')),
    name: (rng, p) => `${rng.pick(['Contrat local de santé', 'CLS'])} ${p.of}`,
    carrier: (_rng, p) => collectivity(p),
  },
  {
    kind: 'CLSM',
    per10k: 300,
    life: { since: 2005, stopRate: 0.1 },
    coordination: {
      title: 'Coordinateur·rice CLSM',
      funders: ['ARS', 'Ville', 'Centre hospitalier', 'EPCI'],
      rate: 0.8,
      etp: [0.5, 1],
    },
    place: (rng, f) =>
      rng.chance(0.6)
        ? f.commune(f.fresh(rng, f.cities, 'CLSM'))
        : f.epci(f.fresh(rng, f.epciByPopulation, 'CLSM')),
    name: (_rng, p) => `Conseil local de santé mentale ${p.of}`,
    carrier: (rng, p) =>
      rng.chance(0.3) ? { nom: `Centre hospitalier ${p.of}`, type: 'hopital' } : collectivity(p),
  },
  {
    kind: 'ASV',
    per10k: 250,
    life: { since: 2000, stopRate: 0.25 },
    coordination: { title: 'Coordinateur·rice ASV', funders: LOCAL_FUNDERS, rate: 0.9, etp: [0.5, 0.8, 1] },
    place: (rng, f) => {
      const city = f.fresh(rng, f.cities, 'ASV');
      return rng.chance(0.65) ? f.commune(city) : f.cityCluster(rng, city, size(rng, 1, 3));
    },
    name: (_rng, p) => `Atelier santé ville ${p.of}`,
    carrier: (_rng, p) => collectivity(p),
  },
  {
    kind: 'CPTS',
    per10k: 900,
    life: { since: 2017, stopRate: 0.04 },
    coordination: {
      title: 'Coordinateur·rice CPTS',
      funders: ['Assurance maladie (ACI)', 'ARS (FIR)'],
      rate: 0.85,
      etp: [0.5, 1, 1.5],
    },
    place: (rng, f) =>
      rng.chance(0.5)
        ? f.epci(f.epciBySize.pick(rng))
        : f.communeGroup(rng, f.anyCommune.pick(rng), size(rng, 5, 40)),
    name: (rng, p) => `${rng.pick(['CPTS', 'Communauté professionnelle territoriale de santé'])} ${p.of}`,
    carrier: (_rng, p) => association(`Association CPTS ${p.label}`),
  },
  {
    kind: 'MSP',
    per10k: 3550,
    life: { since: 2007, stopRate: 0.05 },
    coordination: {
      title: 'Coordinateur·rice de la MSP',
      funders: CARE_FUNDERS,
      rate: 0.55,
      etp: [0.2, 0.3, 0.5],
    },
    place: (rng, f) => f.commune(f.anyCommune.pick(rng)),
    name: (rng, p) =>
      `${rng.pick(['Maison de santé pluriprofessionnelle', 'MSP', 'Pôle de santé', 'Maison de santé'])} ${p.of}`,
    carrier: (rng, p) => ({ nom: `${rng.pick(['SISA', 'SCM'])} santé ${p.label}`, type: 'msp' }),
  },
  {
    kind: 'CDS',
    per10k: 2450,
    life: { since: 2005, stopRate: 0.06 },
    coordination: { title: 'Direction du centre de santé', funders: CARE_FUNDERS, rate: 0.35, etp: [0.5, 1] },
    place: (rng, f) => f.commune(f.urban.pick(rng)),
    name: (rng, p) =>
      `${rng.pick(['Centre de santé', 'Centre municipal de santé', 'Centre de santé infirmier'])} ${p.of}`,
    carrier: (rng, p) => {
      const kind = rng.weighted({ ville: 5, association: 3, mutuelle: 2 });
      if (kind === 'ville') return collectivity(p);
      if (kind === 'association') return association(`Association santé ${p.label}`);
      return { nom: `Mutualité française — ${p.label}`, type: 'organisme_social' };
    },
  },
  {
    kind: 'ESP',
    per10k: 600,
    life: { since: 2019, stopRate: 0.05 },
    coordination: { title: 'Coordinateur·rice ESP', funders: CARE_FUNDERS, rate: 0.3, etp: [0.1, 0.2] },
    place: (rng, f) => {
      const c = f.anyCommune.pick(rng);
      return rng.chance(0.7) ? f.commune(c) : f.cityCluster(rng, c, size(rng, 1, 2));
    },
    name: (_rng, p) => `Équipe de soins primaires ${p.of}`,
    carrier: (_rng, p) => association(`ESP ${p.label}`),
  },
  {
    kind: 'MEDIATION_SANTE',
    per10k: 500,
    life: { since: 2016, stopRate: 0.15 },
    coordination: { title: 'Médiateur·rice en santé', funders: LOCAL_FUNDERS, rate: 0.95, etp: [0.5, 1] },
    place: (rng, f) => f.commune(f.cities.pick(rng)),
    name: (_rng, p) => `Médiation en santé ${p.of}`,
    carrier: (rng, p) =>
      rng.chance(0.6)
        ? association(`${rng.pick(['Association', 'Réseau', 'Collectif'])} médiation santé ${p.label}`)
        : collectivity(p),
  },
];
