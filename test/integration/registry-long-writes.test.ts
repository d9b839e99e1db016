import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamicInput } from '../factories/dynamics.ts';
import { createTestApp } from '../helpers/context.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  // Thousands of contracts on Saint-Étienne would fill the documents other files make of that commune
  // on a PostgreSQL server shared by the suite.
  await t.ctx.database.db.deleteFrom('dynamique').where('nom', 'like', `zlw${process.pid}x%`).execute();
  await t.close();
});

const HEADER = 'type;nom;statut;communes;epci;departements;qpv;porteur;dateDebut;dateFin';
let n = 0;
/** A word no other test uses, to find this test's records on a shared database. */
const newMarker = () => `zlw${process.pid}x${++n}${Math.random().toString(36).slice(2, 7)}`;

const csvOf = (m: string, rows: number) =>
  [
    HEADER,
    ...Array.from({ length: rows }, (_, i) => `CLS;${m} contrat ${i};actif;42218;;;;;2015-01-01;`),
  ].join('\n');

function postImport(body: string, headers: Record<string, string> = {}, dryRun = false) {
  return t.app.inject({
    method: 'POST',
    url: `/api/imports/dynamiques?dryRun=${dryRun}`,
    headers: { 'content-type': 'text/csv', ...headers },
    payload: body,
  });
}

async function count(marker: string): Promise<number> {
  const res = await t.anonymous({ url: '/api/dynamiques', query: { q: marker, limit: '1' } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().total;
}

async function exportCsv(marker: string): Promise<string> {
  const res = await t.app.inject({ url: '/api/dynamiques', query: { q: marker, format: 'csv', tri: 'nom' } });
  expect(res.statusCode, res.body).toBe(200);
  return res.body.replace(/^\uFEFF/, '');
}

describe('imports: retries answer the first result', () => {
  it('the same Idempotency-Key answers the first report and writes nothing more', async () => {
    const m = newMarker();
    const key = `cle-${m}`;
    const first = await postImport(csvOf(m, 3), { 'idempotency-key': key });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ valide: true, crees: 3, rejoue: false });
    const retry = await postImport(csvOf(m, 3), { 'idempotency-key': key });
    expect(retry.statusCode, retry.body).toBe(200);
    expect(retry.json()).toEqual({ ...first.json(), rejoue: true });
    expect(await count(m)).toBe(3);
  });

  it('the same key with another file is refused in French, and writes nothing', async () => {
    const m = newMarker();
    const key = `cle-${m}`;
    expect((await postImport(csvOf(m, 2), { 'idempotency-key': key })).statusCode).toBe(200);
    const other = await postImport(csvOf(`${m}autre`, 2), { 'idempotency-key': key });
    expect(other.statusCode, other.body).toBe(409);
    expect(other.json().erreur).toMatch(/clé Idempotency-Key a déjà servi pour un autre fichier/);
    expect(await count(`${m}autre`)).toBe(0);
  });

  it('without a key, the same file sent again answers the first report', async () => {
    const m = newMarker();
    const first = await postImport(csvOf(m, 4));
    expect(first.json()).toMatchObject({ valide: true, crees: 4, rejoue: false });
    const retry = await postImport(csvOf(m, 4));
    expect(retry.json()).toEqual({ ...first.json(), rejoue: true });
    expect(await count(m)).toBe(4);
  });

  it('a file imported again once its change set was reverted is imported again', async () => {
    const m = newMarker();
    const first = (await postImport(csvOf(m, 2))).json();
    expect((await t.app.inject({ method: 'POST', url: `/api/lots/${first.lot}/annuler` })).statusCode).toBe(
      200,
    );
    const again = (await postImport(csvOf(m, 2))).json();
    expect(again).toMatchObject({ crees: 2, rejoue: false });
    expect(again.lot).not.toBe(first.lot);
    expect(await count(m)).toBe(2);
  });
});

describe('imports: rows read at a version', () => {
  it('exports carry the version; a record edited since the export refuses the whole import', async () => {
    const m = newMarker();
    expect((await postImport(csvOf(m, 3))).json().crees).toBe(3);
    const exported = await exportCsv(m);
    const [header, ...lines] = exported.trim().split(/\r?\n/);
    expect(header?.split(';').at(-1)).toBe('version');
    // Someone edits the second record after the export.
    const id = (lines[1] as string).split(';')[0] as string;
    const current = await t.app.inject(`/api/dynamiques/${id}`);
    const put = await t.app.inject({
      method: 'PUT',
      url: `/api/dynamiques/${id}`,
      headers: { 'if-match': current.headers.etag as string },
      payload: { ...dynamicInput(), nom: `${m} modifié à la main` },
    });
    expect(put.statusCode, put.body).toBe(200);

    const edited = [header, ...lines.map((l) => l.replace(`${m} contrat`, `${m} renommé`))].join('\n');
    const res = await postImport(edited);
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json();
    expect(report.valide).toBe(false);
    expect(report.lot).toBeNull();
    expect(report.erreurs).toEqual([
      expect.objectContaining({
        ligne: 3,
        champ: 'version',
        message: expect.stringMatching(/modifiée depuis/),
      }),
    ]);
    expect(await count(`${m} renommé`)).toBe(0);
    expect(await count(`${m} modifié à la main`)).toBe(1);
  });

  it('rows with their id and current version update those records', async () => {
    const m = newMarker();
    expect((await postImport(csvOf(m, 2))).json().crees).toBe(2);
    const exported = await exportCsv(m);
    const res = await postImport(exported.replaceAll(`${m} contrat`, `${m} renommé`));
    expect(res.json()).toMatchObject({ valide: true, crees: 0, modifies: 2 });
    expect(await count(`${m} renommé`)).toBe(2);
    const again = await exportCsv(m);
    expect(again.trim().split(/\r?\n/)[1]?.split(';').at(-1)).toBe('2');
  });
});

describe('reverting a large change set', () => {
  it('is all or nothing: one record edited since refuses it and nothing changes', async () => {
    const m = newMarker();
    const lot = (await postImport(csvOf(m, 2500))).json().lot as string;
    expect(await count(m)).toBe(2500);
    const page = (await t.anonymous({ url: '/api/dynamiques', query: { q: m, limit: '1' } })).json();
    const first = page.items[0];
    const current = await t.app.inject(`/api/dynamiques/${first.id}`);
    const put = await t.app.inject({
      method: 'PUT',
      url: `/api/dynamiques/${first.id}`,
      headers: { 'if-match': current.headers.etag as string },
      payload: { ...dynamicInput(), nom: `${m} édité depuis` },
    });
    expect(put.statusCode, put.body).toBe(200);
    const revert = await t.app.inject({ method: 'POST', url: `/api/lots/${lot}/annuler` });
    expect(revert.statusCode).toBe(409);
    expect(revert.json().erreur).toMatch(/Annulation impossible : 1 dynamique\(s\)/);
    expect(await count(m)).toBe(2500);
  });

  it('restores modified records and removes created ones, set-based, in one change set', async () => {
    const m = newMarker();
    const created = (await postImport(csvOf(m, 2000))).json().lot as string;
    const renamed = (await exportCsv(m)).replaceAll(`${m} contrat`, `${m} renommé`);
    const modified = (await postImport(renamed)).json();
    expect(modified).toMatchObject({ valide: true, modifies: 2000 });
    const undo = await t.app.inject({ method: 'POST', url: `/api/lots/${modified.lot}/annuler` });
    expect(undo.json()).toEqual({ lot: modified.lot, supprimees: 0, restaurees: 2000 });
    expect(await count(`${m} renommé`)).toBe(0);
    expect(await count(`${m} contrat`)).toBe(2000);
    const back = await exportCsv(m);
    expect(back.trim().split(/\r?\n/)[1]?.split(';').at(-1)).toBe('3');
    // The creation lot is older than the records' versions now: reverting it is refused, nothing changes.
    const remove = await t.app.inject({ method: 'POST', url: `/api/lots/${created}/annuler` });
    expect(remove.statusCode).toBe(409);
    expect(await count(m)).toBe(2000);
  });

  it('reads are answered while the revert runs', async () => {
    const m = newMarker();
    const lot = (await postImport(csvOf(m, 3000))).json().lot as string;
    // The in-memory answers exist once read: warm them as a visitor would.
    expect(await count(m)).toBe(3000);
    expect((await t.anonymous({ url: '/api/health' })).statusCode).toBe(200);

    // Reads are sent once the revert's transaction has been asked for: on PGlite, a read that went to
    // the database would wait behind it until the commit.
    const longWrites = t.ctx.longWrites;
    const run = longWrites.run.bind(longWrites);
    let committed = false;
    let reads: Promise<{ beforeCommit: boolean; health: number; total: number }> | undefined;
    longWrites.run = async (write) =>
      run(async () => {
        const writing = write().finally(() => {
          committed = true;
        });
        reads = Promise.all([
          t.anonymous({ url: '/api/health' }),
          t.anonymous({ url: '/api/dynamiques', query: { q: m, limit: '1' } }),
        ]).then(([health, list]) => ({
          beforeCommit: !committed,
          health: health.statusCode,
          total: list.json().total,
        }));
        return writing;
      });
    const revert = t.app.inject({ method: 'POST', url: `/api/lots/${lot}/annuler` });
    let answered: Awaited<NonNullable<typeof reads>>;
    try {
      expect((await revert).statusCode).toBe(200);
      answered = await (reads as NonNullable<typeof reads>);
    } finally {
      longWrites.run = run;
    }
    expect(answered.beforeCommit).toBe(true);
    expect(answered.health).toBe(200);
    // The committed state: the revert had not ended, so the records were still there.
    expect(answered.total).toBe(3000);
    expect(await count(m)).toBe(0);
  });

  it('a page of records never shown before is presented from memory while a long write holds the database', async () => {
    const m = newMarker();
    expect((await postImport(csvOf(m, 600))).json().crees).toBe(600);
    // The first page, listed once: the order of the records by name is then known in memory.
    const first = await t.anonymous({ url: '/api/dynamiques', query: { q: m, limit: '1', tri: 'nom' } });
    expect(first.json().total).toBe(600);
    // Page 7 was never listed: its records were never presented.
    const page = { q: m, limit: '50', page: '7', tri: 'nom' };
    const answered = await t.ctx.longWrites.run(() =>
      t.ctx.database.db.transaction().execute(async (trx) => {
        // The transaction holds the database (PGlite has one connection): a read that went to it would
        // wait for the commit, after this test gave up waiting.
        await trx.selectFrom('dynamique').select('id').limit(1).execute();
        const read = t.anonymous({ url: '/api/dynamiques', query: page }).then((res) => ({
          status: res.statusCode,
          names: (res.json().items as { nom: string }[]).map((d) => d.nom),
        }));
        return Promise.race([read, new Promise<null>((r) => setTimeout(() => r(null), 5_000))]);
      }),
    );
    expect(answered, 'la lecture a attendu la fin de l’écriture').not.toBeNull();
    expect(answered?.status).toBe(200);
    expect(answered?.names).toHaveLength(50);
    expect(answered?.names.every((n) => n.startsWith(`${m} contrat`))).toBe(true);
  });
});
