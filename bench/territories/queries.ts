import type { CogCommune, CogReference } from '../generate/cog.ts';
import { Rng, WeightedPicker } from '../generate/prng.ts';

export interface SearchQuery {
  q: string;
  kind: string;
  /** The territory a user typing this expects among the results, when there is one. */
  expect?: { type: string; code: string };
}

const stripAccents = (s: string) => s.normalize('NFD').replace(/\p{M}+/gu, '');

/** How many queries of each kind, out of 1,000. */
const MIX: [string, number][] = [
  ['nom complet (pondéré par la population)', 60],
  ['nom complet (commune au hasard)', 60],
  ['début de nom', 100],
  ['sans accents', 80],
  ['st / saint', 80],
  ['minuscules', 60],
  ['majuscules', 60],
  ['code INSEE commune', 80],
  ['SIREN EPCI', 50],
  ['code département', 40],
  ['code région', 20],
  ['code postal', 80],
  ['nom d’EPCI complet', 50],
  ['mots d’un nom d’EPCI', 50],
  ['nom composé sans tirets', 40],
  ['nom de département', 40],
  ['nom de région', 20],
  ['arrondissement / commune déléguée', 30],
];

const commune = (c: CogCommune) => ({ type: 'commune', code: c.code });

/**
 * 1,000 varied queries derived from the real names and codes (deterministic): what people type in a
 * territory picker.
 */
export function territoryQueries(cog: CogReference, total = 1000): SearchQuery[] {
  const rng = new Rng('territory-queries');
  const byPopulation = new WeightedPicker(cog.communes, (c) => c.population + 1);
  const accented = cog.communes.filter((c) => stripAccents(c.nom) !== c.nom);
  const saints = cog.communes.filter((c) => /^Saintes?-/.test(c.nom));
  const compound = cog.communes.filter((c) => (c.nom.match(/-/g)?.length ?? 0) >= 2);
  const withPostal = cog.communes.filter((c) => c.codesPostaux.length > 0);
  const secondary = cog.raw.communes.filter((c) => c.type !== 'commune-actuelle');
  const epciWords = (nom: string) =>
    nom
      .split(/[\s'’-]+/)
      .filter((w) => w.length > 3 && !/^(CC|CA|CU|Communauté|communes|agglomération|Métropole)$/i.test(w));

  const make: Record<string, () => SearchQuery> = {
    'nom complet (pondéré par la population)': () => {
      const c = byPopulation.pick(rng);
      return { q: c.nom, kind: '', expect: commune(c) };
    },
    'nom complet (commune au hasard)': () => {
      const c = rng.pick(cog.communes);
      return { q: c.nom, kind: '', expect: commune(c) };
    },
    'début de nom': () => {
      const c = byPopulation.pick(rng);
      return { q: c.nom.slice(0, rng.int(3, Math.max(3, Math.min(8, c.nom.length)))), kind: '' };
    },
    'sans accents': () => {
      const c = rng.pick(accented);
      return { q: stripAccents(c.nom), kind: '', expect: commune(c) };
    },
    'st / saint': () => {
      const c = rng.pick(saints);
      const abbr = rng.pick(['St ', 'st-', 'ST ', 'St-']);
      const q = c.nom.replace(/^Saint(e?)s?-/, (_m, e: string) =>
        abbr.replace(/t/i, (t) => `${t}${t === 'T' ? e.toUpperCase() : e}`),
      );
      return { q, kind: '', expect: commune(c) };
    },
    minuscules: () => {
      const c = byPopulation.pick(rng);
      return { q: c.nom.toLowerCase(), kind: '', expect: commune(c) };
    },
    majuscules: () => {
      const c = rng.pick(cog.communes);
      return { q: stripAccents(c.nom).toUpperCase(), kind: '', expect: commune(c) };
    },
    'code INSEE commune': () => {
      const c = rng.pick(cog.communes);
      return { q: c.code, kind: '', expect: commune(c) };
    },
    'SIREN EPCI': () => {
      const e = rng.pick(cog.epci);
      return { q: e.code, kind: '', expect: { type: 'epci', code: e.code } };
    },
    'code département': () => {
      const d = rng.pick(cog.departements);
      return { q: d.code, kind: '', expect: { type: 'departement', code: d.code } };
    },
    'code région': () => {
      const r = rng.pick(cog.regions);
      return { q: r.code, kind: '', expect: { type: 'region', code: r.code } };
    },
    'code postal': () => {
      const c = rng.pick(withPostal);
      return { q: rng.pick(c.codesPostaux), kind: '', expect: commune(c) };
    },
    'nom d’EPCI complet': () => {
      const e = rng.pick(cog.epci);
      return { q: e.nom, kind: '', expect: { type: 'epci', code: e.code } };
    },
    'mots d’un nom d’EPCI': () => {
      const e = rng.pick(cog.epci);
      const words = epciWords(e.nom);
      const q = words.length > 0 ? rng.sample(words, 2).join(' ').toLowerCase() : e.nom;
      return { q, kind: '' };
    },
    'nom composé sans tirets': () => {
      const c = rng.pick(compound);
      return { q: c.nom.replace(/-/g, ' '), kind: '', expect: commune(c) };
    },
    'nom de département': () => {
      const d = rng.pick(cog.departements);
      return { q: d.nom, kind: '', expect: { type: 'departement', code: d.code } };
    },
    'nom de région': () => {
      const r = rng.pick(cog.regions);
      return { q: r.nom, kind: '', expect: { type: 'region', code: r.code } };
    },
    'arrondissement / commune déléguée': () => {
      const c = rng.pick(secondary);
      return { q: c.nom, kind: '', expect: { type: 'commune', code: c.code } };
    },
  };

  const weight = MIX.reduce((s, [, n]) => s + n, 0);
  const out: SearchQuery[] = [];
  for (const [kind, n] of MIX) {
    const count = Math.round((n * total) / weight);
    for (let i = 0; i < count; i++) out.push({ ...(make[kind] as () => SearchQuery)(), kind });
  }
  return rng.sample(out, out.length);
}
