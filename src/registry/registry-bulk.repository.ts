import { sql, type Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import { yieldToEventLoop } from '../lib/event-loop.ts';
import type { DynamicWrite } from './registry.repository.ts';

/** Rows per statement of bulk writes: small enough for readers to get a turn between two (PGlite). */
const INSERT_CHUNK = 500;

/**
 * Many new records in a few statements (an import writes thousands): rows, covered communes and
 * status periods go in as JSON arrays expanded by the database, a chunk at a time.
 */
export async function insertDynamics(trx: Transaction<DB>, writes: DynamicWrite[]): Promise<void> {
  for (let i = 0; i < writes.length; i += INSERT_CHUNK) {
    const chunk = writes.slice(i, i + INSERT_CHUNK);
    const rows = chunk.map((w) => ({
      id: w.id,
      type: w.type,
      nom: w.nom,
      nom_recherche: w.nomRecherche,
      document: w.document,
      date_fin: w.dateFin,
      verifie_le: w.verifieLe,
      verifie_par: w.verifiePar,
    }));
    await sql`insert into dynamique (id, type, nom, nom_recherche, document, date_fin, verifie_le, verifie_par)
      select id, type, nom, nom_recherche, document, date_fin, verifie_le, verifie_par
      from json_populate_recordset(null::dynamique, ${JSON.stringify(rows)}::json)`.execute(trx);
    await insertDerivedMany(trx, chunk);
    await yieldToEventLoop();
  }
}

/** Covered communes and status periods of many records, a few statements per chunk. */
async function insertDerivedMany(trx: Transaction<DB>, chunk: DynamicWrite[]): Promise<void> {
  // Two parallel text arrays: cheaper for the database to read than 100,000 JSON objects.
  const ids = chunk.flatMap((w) => w.communes.map(() => w.id));
  if (ids.length > 0) {
    const communes = chunk.flatMap((w) => w.communes);
    await sql`insert into dynamique_commune (dynamique, commune)
      select * from unnest(${ids}::text[], ${communes}::text[])`.execute(trx);
  }
  const periods = chunk.flatMap((w) =>
    w.periods.map((p) => ({ dynamique: w.id, statut: p.statut, debut: p.debut, fin: p.fin })),
  );
  if (periods.length > 0) {
    await sql`insert into dynamique_periode
      select * from json_populate_recordset(null::dynamique_periode, ${JSON.stringify(periods)}::json)`.execute(
      trx,
    );
  }
}

/**
 * Many optimistic updates in a few statements per chunk (a revert or an import rewrites thousands): each
 * row is written only if still at its expected version. Answers the ids that were not (moved or gone);
 * the caller rolls the transaction back when any is.
 */
export async function updateDynamics(
  trx: Transaction<DB>,
  writes: { write: DynamicWrite; expectedVersion: number }[],
): Promise<string[]> {
  const missed: string[] = [];
  for (let i = 0; i < writes.length; i += INSERT_CHUNK) {
    const chunk = writes.slice(i, i + INSERT_CHUNK);
    const rows = chunk.map(({ write: w, expectedVersion }) => ({
      id: w.id,
      type: w.type,
      nom: w.nom,
      nom_recherche: w.nomRecherche,
      document: w.document,
      date_fin: w.dateFin,
      verifie_le: w.verifieLe,
      verifie_par: w.verifiePar,
      version: expectedVersion,
    }));
    const { rows: updated } = await sql<{ id: string }>`update dynamique d set
        type = s.type, nom = s.nom, nom_recherche = s.nom_recherche, document = s.document,
        date_fin = s.date_fin, verifie_le = s.verifie_le, verifie_par = s.verifie_par,
        version = d.version + 1, modifie_le = now()
      from json_populate_recordset(null::dynamique, ${JSON.stringify(rows)}::json) s
      where d.id = s.id and d.version = s.version
      returning d.id`.execute(trx);
    const done = new Set(updated.map((r) => r.id));
    missed.push(...rows.filter((r) => !done.has(r.id)).map((r) => r.id));
    const ids = [...done];
    await yieldToEventLoop();
    if (ids.length === 0) continue;
    await sql`delete from dynamique_commune where dynamique = any(${ids}::text[])`.execute(trx);
    await sql`delete from dynamique_periode where dynamique = any(${ids}::text[])`.execute(trx);
    await insertDerivedMany(
      trx,
      chunk.filter((c) => done.has(c.write.id)).map((c) => c.write),
    );
  }
  return missed;
}

/** Many optimistic deletions in one statement per chunk; answers the ids not at their version (or gone). */
export async function deleteDynamics(
  trx: Transaction<DB>,
  rows: { id: string; version: number }[],
): Promise<string[]> {
  const missed: string[] = [];
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    await yieldToEventLoop();
    const chunk = rows.slice(i, i + INSERT_CHUNK);
    const ids = chunk.map((r) => r.id);
    const versions = chunk.map((r) => r.version);
    // Covered communes and periods go with their record (on delete cascade).
    const { rows: deleted } = await sql<{ id: string }>`delete from dynamique d
      using unnest(${ids}::text[], ${versions}::int[]) as t(id, version)
      where d.id = t.id and d.version = t.version
      returning d.id`.execute(trx);
    const done = new Set(deleted.map((r) => r.id));
    missed.push(...ids.filter((id) => !done.has(id)));
  }
  return missed;
}
