import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Actor } from '../domain/actor.ts';
import { notFound } from '../domain/errors.ts';
import { LINK_INVERSE_LABELS, LINK_LABELS, type LinkType } from '../domain/registry/kinds.ts';
import type { DynamicLinks } from '../domain/registry/responses.ts';
import type { DynamicLink } from '../domain/registry/schemas.ts';

interface LinkedRow {
  id: string;
  nom: string;
  type: string;
  liens: unknown;
}

/** Only SQL of the links view: the record's own links and the records whose links point to it. */
export class LinksRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async own(id: string): Promise<LinkedRow | undefined> {
    return this.db
      .selectFrom('dynamique')
      .select(['id', 'nom', 'type', sql<unknown>`document -> 'liens'`.as('liens')])
      .where('id', '=', id)
      .executeTakeFirst();
  }

  /** Served by the GIN index of migration 0034. */
  pointingTo(id: string): Promise<LinkedRow[]> {
    const probe = JSON.stringify([{ cible: id }]);
    return this.db
      .selectFrom('dynamique')
      .select(['id', 'nom', 'type', sql<unknown>`document -> 'liens'`.as('liens')])
      .where(sql<boolean>`document -> 'liens' @> ${probe}::jsonb`)
      .orderBy('nom')
      .execute();
  }

  names(ids: string[]): Promise<{ id: string; nom: string; type: string }[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db.selectFrom('dynamique').select(['id', 'nom', 'type']).where('id', 'in', ids).execute();
  }
}

/** Typed links of a dynamic shown both ways: a link is entered once, on one of the two records. */
export class LinksService {
  constructor(private readonly repo: LinksRepository) {}

  async of(_actor: Actor, id: string): Promise<DynamicLinks> {
    const own = await this.repo.own(id);
    if (!own) throw notFound(`Aucune dynamique avec l’identifiant « ${id} »`);
    const links = (own.liens ?? []) as DynamicLink[];
    const targets = new Map((await this.repo.names(links.map((l) => l.cible))).map((d) => [d.id, d]));
    const sortants = links.flatMap((l) => {
      const target = targets.get(l.cible);
      // A target deleted since is not shown: the link has nothing to lead to.
      if (!target) return [];
      return [
        {
          type: l.type,
          libelle: LINK_LABELS[l.type],
          dynamique: target,
          debut: l.debut ?? null,
          fin: l.fin ?? null,
        },
      ];
    });
    const entrants = (await this.repo.pointingTo(id)).flatMap((source) =>
      ((source.liens ?? []) as DynamicLink[])
        .filter((l) => l.cible === id)
        .map((l) => ({
          type: l.type as LinkType,
          libelle: LINK_INVERSE_LABELS[l.type as LinkType],
          dynamique: { id: source.id, nom: source.nom, type: source.type },
          debut: l.debut ?? null,
          fin: l.fin ?? null,
        })),
    );
    return { sortants, entrants };
  }
}
