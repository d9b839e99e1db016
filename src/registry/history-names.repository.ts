import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

export interface NamedCodes {
  communes: string[];
  epci: string[];
  departements: string[];
  qpv: string[];
  dynamiques: string[];
}

/** Names of the territories and dynamics a record's history mentions, so that it reads as sentences. */
export class HistoryNamesRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async names(codes: NamedCodes): Promise<Record<string, string>> {
    const q = <T extends 'commune' | 'epci' | 'departement' | 'qpv'>(table: T, list: string[]) =>
      list.length === 0
        ? Promise.resolve([] as { code: string; nom: string }[])
        : (this.db
            .selectFrom(table as 'commune')
            .select(['code', 'nom'])
            .where('code', 'in', list)
            .execute() as Promise<{ code: string; nom: string }[]>);
    const [communes, epci, departements, qpv, dynamiques] = await Promise.all([
      q('commune', codes.communes),
      q('epci', codes.epci),
      q('departement', codes.departements),
      q('qpv', codes.qpv),
      codes.dynamiques.length === 0
        ? Promise.resolve([] as { code: string; nom: string }[])
        : this.db
            .selectFrom('dynamique')
            .select(['id as code', 'nom'])
            .where('id', 'in', codes.dynamiques)
            .execute(),
    ]);
    const out: Record<string, string> = {};
    for (const r of [...communes, ...epci, ...departements, ...qpv, ...dynamiques]) out[r.code] = r.nom;
    return out;
  }
}
