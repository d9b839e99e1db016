import type { CogReference } from '../generate/cog.ts';
import type { BenchDynamic } from '../generate/dynamics.ts';
import { Rng } from '../generate/prng.ts';

/** One `GET /api/dynamiques` query string, with a label saying what it exercises. */
export interface ListQuery {
  kind: string;
  params: Record<string, string>;
}

const KINDS = ['MSP', 'CDS', 'CPTS', 'CLS', 'ESP', 'MEDIATION_SANTE', 'CONTRAT_VILLE', 'CLSM', 'ASV', 'DAC'];
const STATUSES = ['actif', 'en_projet', 'suspendu', 'arrete', 'actif,suspendu'];
/** Dates of the as-of lists: before most dynamics, the middle of the period, recent ones. */
export const AS_OF_DATES = ['2008-01-01', '2016-06-30', '2022-01-01', '2025-01-01'];

/** Words of dynamic names (towns, kinds) as users would type them, accents and case varied. */
function nameWords(rng: Rng, dynamics: readonly BenchDynamic[], count: number): string[] {
  const words = new Set<string>();
  for (const d of rng.sample(dynamics, count * 3)) {
    const parts = d.nom.split(/[\s'’-]+/).filter((w) => w.length >= 4);
    const w = parts.at(-1);
    if (w) words.add(rng.chance(0.3) ? w.toLowerCase() : w);
    if (words.size >= count) break;
  }
  return [...words];
}

/**
 * Varied list filters drawn from the dataset: type, status, région, département, territory (commune,
 * EPCI, département, région), text, pages, and combinations of these, as the registry page sends them.
 */
export function listQueries(cog: CogReference, dynamics: readonly BenchDynamic[]): ListQuery[] {
  const rng = new Rng('registry-list');
  const q: ListQuery[] = [];
  const add = (kind: string, params: Record<string, string>) => q.push({ kind, params });
  const communes = [...new Set(dynamics.flatMap((d) => d.perimetre.communes))];
  const epci = [...new Set(dynamics.flatMap((d) => d.perimetre.epci))];
  const regions = cog.regions.map((r) => r.code);
  const deps = cog.departements.map((d) => d.code);

  add('sans filtre', {});
  for (const page of ['2', '10', '50', '150']) add('page', { page });
  add('tri par modification', { tri: 'modification' });
  for (const type of KINDS) add('type', { type });
  add('types', { type: 'CLS,CLSM,ASV' });
  add('types', { type: 'MSP,CDS,ESP' });
  for (const statut of STATUSES) add('statut', { statut });
  for (const region of regions) add('région', { region });
  for (const departement of rng.sample(deps, 30)) add('département', { departement });
  for (const c of rng.sample(communes, 40)) add('territoire commune', { territoire: `commune:${c}` });
  for (const e of rng.sample(epci, 20)) add('territoire EPCI', { territoire: `epci:${e}` });
  for (const d of rng.sample(deps, 5)) add('territoire département', { territoire: `departement:${d}` });
  for (const r of rng.sample(regions, 5)) add('territoire région', { territoire: `region:${r}` });
  for (const word of nameWords(rng, dynamics, 30)) add('texte', { q: word });
  add('texte', { q: 'santé' });
  add('texte', { q: 'maison de santé' });
  add('texte', { q: 'contrat local' });
  for (let i = 0; i < 15; i++) {
    add('type + région', { type: rng.pick(KINDS), region: rng.pick(regions) });
    add('type + statut + département', {
      type: rng.pick(KINDS),
      statut: rng.pick(STATUSES),
      departement: rng.pick(deps),
    });
    add('type + territoire commune', { type: rng.pick(KINDS), territoire: `commune:${rng.pick(communes)}` });
  }
  for (const word of nameWords(rng.fork('combined'), dynamics, 10)) {
    add('texte + type', { q: word, type: rng.pick(KINDS) });
  }
  for (const region of rng.sample(regions, 8)) add('région, page 2', { region, page: '2' });
  // Derived statuses and renewals due (after the draws above, which they leave unchanged).
  for (const statut of ['echue', 'inconnu', 'echue,inconnu']) add('statut dérivé', { statut });
  add('statut inconnu à date', { statut: 'inconnu', date: '2016-06-30' });
  add('tri par vérification', { tri: 'verification' });
  for (const echeance of ['6', '12', '2030-12-31']) add('échéance', { echeance });
  return q;
}

/** `GET /api/dynamiques?region=…&date=…`: every région at several dates. */
export function asOfQueries(cog: CogReference): ListQuery[] {
  return AS_OF_DATES.flatMap((date) =>
    cog.regions.map((r) => ({ kind: `région au ${date}`, params: { region: r.code, date } })),
  );
}
