import { randomUUID } from 'node:crypto';
import { type Kysely, sql, type Transaction } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../src/context.ts';
import type { DB } from '../../src/db/schema.ts';
import { systemActor } from '../../src/domain/actor.ts';
import { isAppError } from '../../src/domain/errors.ts';
import { ChangeSetRepository } from '../../src/kernel/changesets/change-set.repository.ts';
import { ChangeSetService } from '../../src/kernel/changesets/change-set.service.ts';
import type { RevertableKind } from '../../src/kernel/changesets/revertable-kind.ts';
import { presentHistory } from '../../src/kernel/history/history.presenter.ts';
import { HistoryRepository } from '../../src/kernel/history/history.repository.ts';
import { etagOf, expectedVersion } from '../../src/kernel/http/conditional.ts';
import { VersionedRecords } from '../../src/kernel/versioning/versioned-records.ts';
import { createTestContext } from '../helpers/context.ts';

// A kind of record that exists only in this test: the kernel must work without knowing any domain.
interface Gadget {
  id: string;
  version: number;
  document: { label: string };
}

let ctx: AppContext;
let db: Kysely<DB>;
const actor = systemActor('test du noyau');

async function readGadget(id: string, on: Kysely<DB> | Transaction<DB> = db): Promise<Gadget | undefined> {
  const { rows } =
    await sql<Gadget>`select id, version, document from kernel_test_gadget where id = ${id}`.execute(on);
  return rows[0];
}

const gadgets = () =>
  new VersionedRecords<Gadget, Transaction<DB>>({
    noun: { subject: 'Le gadget', feminine: false, missing: (id) => `Aucun gadget « ${id} »` },
    read: (id, trx) => readGadget(id, trx),
    transaction: (run) => db.transaction().execute(run),
  });

async function insertGadget(trx: Transaction<DB>, label: string) {
  const id = randomUUID();
  await sql`insert into kernel_test_gadget (id, version, document) values (${id}, 1, ${JSON.stringify({ label })})`.execute(
    trx,
  );
  return id;
}

const conditionalUpdate = async (trx: Transaction<DB>, id: string, expected: number, label: string) => {
  const res =
    await sql`update kernel_test_gadget set version = version + 1, document = ${JSON.stringify({ label })}
    where id = ${id} and version = ${expected}`.execute(trx);
  return Number(res.numAffectedRows) === 1;
};

const gadgetKind: RevertableKind<Gadget, { label: string }> = {
  entite: 'gadget_de_test',
  plural: 'gadget(s)',
  feminine: false,
  describe: (g) => `« ${g.document.label} » (${g.id})`,
  async findByIds(ids) {
    const { rows } = await sql<Gadget>`select id, version, document from kernel_test_gadget
      where id in (${sql.join(ids)})`.execute(db);
    return rows;
  },
  document: (g) => g.document,
  async restorable(before) {
    const label = (before as { label?: unknown }).label;
    return typeof label === 'string' ? { document: { label }, restored: { label } } : null;
  },
  async begin(trx) {
    return {
      remove: async (g) =>
        Number(
          (
            await sql`delete from kernel_test_gadget where id = ${g.id} and version = ${g.version}`.execute(
              trx,
            )
          ).numAffectedRows,
        ) === 1,
      restore: (g, restored) => conditionalUpdate(trx, g.id, g.version, restored.label),
    };
  },
};

beforeAll(async () => {
  ctx = await createTestContext();
  db = ctx.database.db;
  await sql`create table if not exists kernel_test_gadget (id text primary key, version integer not null,
    document jsonb not null)`.execute(db);
});
afterAll(async () => {
  await sql`drop table if exists kernel_test_gadget`.execute(db);
  await ctx.close();
});

async function failure(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    if (isAppError(e)) return { kind: e.kind, message: e.message };
    throw e;
  }
  throw new Error('expected a failure');
}

describe('conditional requests', () => {
  it('reads If-Match as a version, 428 when missing and 412 when malformed', async () => {
    expect(etagOf(7)).toBe('"7"');
    expect(expectedVersion('"7"')).toBe(7);
    expect(expectedVersion('W/"12"')).toBe(12);
    expect(expectedVersion(' 3 ')).toBe(3);
    expect((await failure(Promise.resolve().then(() => expectedVersion(undefined)))).kind).toBe(
      'precondition_required',
    );
    expect((await failure(Promise.resolve().then(() => expectedVersion('"abc"')))).kind).toBe(
      'precondition_failed',
    );
  });
});

describe('versioned records', () => {
  it('writes on the expected version, refuses a stale one with 412 and an unknown id with 404', async () => {
    const id = await db.transaction().execute((trx) => insertGadget(trx, 'premier'));
    const records = gadgets();
    const before = await records.write(id, 1, () => (trx) => conditionalUpdate(trx, id, 1, 'deuxième'));
    expect(before.document.label).toBe('premier');
    expect((await readGadget(id))?.version).toBe(2);

    const stale = await failure(records.write(id, 1, () => (trx) => conditionalUpdate(trx, id, 1, 'perdu')));
    expect(stale.kind).toBe('precondition_failed');
    expect(stale.message).toMatch(/Le gadget a été modifié entre-temps \(version actuelle 2\)/);
    expect((await readGadget(id))?.document.label).toBe('deuxième');

    const missing = await failure(records.write('inconnu', 1, () => async () => true));
    expect(missing).toEqual({ kind: 'not_found', message: 'Aucun gadget « inconnu »' });
  });

  it('a writer that lost the race after the check gets 412 and nothing is kept', async () => {
    const id = await db.transaction().execute((trx) => insertGadget(trx, 'course'));
    const records = gadgets();
    const lost = await failure(
      records.write(id, 1, async () => {
        // Someone else's write lands between the version check and the transaction.
        await db.transaction().execute((other) => conditionalUpdate(other, id, 1, 'gagnant'));
        return (trx) => conditionalUpdate(trx, id, 1, 'perdant');
      }),
    );
    expect(lost.kind).toBe('precondition_failed');
    expect((await readGadget(id))?.document.label).toBe('gagnant');
  });
});

describe('history and change sets', () => {
  const history = () => new HistoryRepository(db);

  it('records every change in one shape, with the version and the source', async () => {
    const id = randomUUID();
    await db.transaction().execute((trx) =>
      history().record(trx, {
        entite: 'gadget_de_test',
        entiteId: id,
        action: 'creation',
        auteur: 'alice@example.org',
        lot: null,
        avant: null,
        apres: { id, version: 1, label: 'a' },
      }),
    );
    const presented = presentHistory(await history().forEntity('gadget_de_test', id), (snap) => ({
      ...(snap as object),
      masque: true,
    }));
    expect(presented.total).toBe(1);
    expect(presented.items[0]).toMatchObject({
      auteur: 'alice@example.org',
      action: 'creation',
      version: 1,
      source: 'interactif',
      lot: null,
      avant: null,
      apres: { id, version: 1, label: 'a', masque: true },
    });
    expect(Number.isNaN(Date.parse(presented.items[0]?.date ?? ''))).toBe(false);
  });

  it('reverts a change set of a registered kind, and refuses when a record changed since', async () => {
    const lots = new ChangeSetRepository(db);
    const service = new ChangeSetService(lots, history());
    service.register(gadgetKind);
    const lot = randomUUID();
    const kept = await db.transaction().execute((trx) => insertGadget(trx, 'avant le lot'));
    const created = await db.transaction().execute(async (trx) => {
      await lots.create(trx, { id: lot, auteur: 'import', description: 'gadgets', nombre: 2 });
      const id = await insertGadget(trx, 'créé par le lot');
      await conditionalUpdate(trx, kept, 1, 'modifié par le lot');
      await history().recordMany(trx, [
        {
          entite: 'gadget_de_test',
          entiteId: id,
          action: 'creation',
          auteur: 'import',
          lot,
          avant: null,
          apres: { id, version: 1, label: 'créé par le lot' },
        },
        {
          entite: 'gadget_de_test',
          entiteId: kept,
          action: 'modification',
          auteur: 'import',
          lot,
          avant: { id: kept, version: 1, label: 'avant le lot' },
          apres: { id: kept, version: 2, label: 'modifié par le lot' },
        },
      ]);
      return id;
    });
    expect((await history().forEntity('gadget_de_test', created))[0]?.source).toBe('import');

    const result = await service.revert(actor, lot);
    expect(result).toEqual({ lot, supprimees: 1, restaurees: 1 });
    expect(await readGadget(created)).toBeUndefined();
    expect(await readGadget(kept)).toMatchObject({ version: 3, document: { label: 'avant le lot' } });
    const last = (await history().forEntity('gadget_de_test', kept)).at(-1);
    expect(last).toMatchObject({ action: 'annulation', source: 'annulation', version: 3, lot });
    expect((await service.get(actor, lot)).annule).toBe(true);
    expect((await failure(service.revert(actor, lot))).message).toMatch(/déjà été annulé/);
  });

  it('a change set whose record was edited since is not reverted, and says which record', async () => {
    const lots = new ChangeSetRepository(db);
    const service = new ChangeSetService(lots, history());
    service.register(gadgetKind);
    const lot = randomUUID();
    const id = await db.transaction().execute(async (trx) => {
      await lots.create(trx, { id: lot, auteur: 'import', description: 'gadgets', nombre: 1 });
      const created = await insertGadget(trx, 'importé');
      await history().record(trx, {
        entite: 'gadget_de_test',
        entiteId: created,
        action: 'creation',
        auteur: 'import',
        lot,
        avant: null,
        apres: { id: created, version: 1, label: 'importé' },
      });
      return created;
    });
    await db.transaction().execute((trx) => conditionalUpdate(trx, id, 1, 'corrigé à la main'));
    const refused = await failure(service.revert(actor, lot));
    expect(refused.kind).toBe('conflict');
    expect(refused.message).toMatch(
      /1 gadget\(s\) modifié\(s\) ou supprimé\(s\) depuis ce lot — « corrigé à la main »/,
    );
    expect((await readGadget(id))?.document.label).toBe('corrigé à la main');
    expect((await service.get(actor, lot)).annule).toBe(false);
  });

  it('a change set holding a kind nobody registered is refused, not half reverted', async () => {
    const lots = new ChangeSetRepository(db);
    const service = new ChangeSetService(lots, history());
    const lot = randomUUID();
    await db.transaction().execute(async (trx) => {
      await lots.create(trx, { id: lot, auteur: 'import', description: 'inconnu', nombre: 1 });
      await history().record(trx, {
        entite: 'gadget_de_test',
        entiteId: 'x',
        action: 'creation',
        auteur: 'import',
        lot,
        avant: null,
        apres: { id: 'x', version: 1 },
      });
    });
    expect((await failure(service.revert(actor, lot))).message).toMatch(/ne peuvent pas être annulés/);
  });
});
