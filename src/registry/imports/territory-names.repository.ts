import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { LookupData } from '../../domain/registry/territory-lookup.ts';

/** Names of the reference territories an import may cite, read once per import (a few MB at most). */
export class TerritoryNamesRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async load(): Promise<LookupData> {
    const [communes, epci, departements] = await Promise.all([
      this.db
        .selectFrom('commune')
        .select(['code', 'nom', 'departement', 'nature', 'commune_parent'])
        .execute(),
      this.db.selectFrom('epci').select(['code', 'nom']).execute(),
      this.db.selectFrom('departement').select(['code', 'nom']).execute(),
    ]);
    return {
      communes: communes.map((c) => ({
        code: c.code,
        nom: c.nom,
        departement: c.departement,
        current: c.nature === 'commune_actuelle' || c.nature === 'arrondissement_municipal',
        parent: c.commune_parent,
      })),
      epci,
      departements,
    };
  }
}
