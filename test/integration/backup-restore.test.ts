import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext } from '../../src/context.ts';
import { type Database, openDatabase } from '../../src/db/database.ts';
import { listMigrationFiles, migrate } from '../../src/db/migrate.ts';
import { systemActor } from '../../src/domain/actor.ts';
import { dynamicInput as dynamicSchema } from '../../src/domain/registry/schemas.ts';
import { BackupRepository } from '../../src/ops/backup.repository.ts';
import { BackupService } from '../../src/ops/backup.service.ts';
import { readBackupFile, writeBackupFile } from '../../src/ops/backup-file.ts';
import { dynamicInput } from '../factories/dynamics.ts';
import { allRows, backupLines, tableRows, writeBackupLines } from '../helpers/backup.ts';
import { createTestApp, type TestApp } from '../helpers/context.ts';

const actor = systemActor('tests');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'odts-backup-'));
const latest = listMigrationFiles().at(-1)?.version;
let t: TestApp;
let fresh: Database;
const opened: Database[] = [];

/** A second, empty database: an in-memory PGlite, or a database created beside the DATABASE_URL one. */
async function emptyDatabase(): Promise<Database> {
  const url = process.env.DATABASE_URL;
  if (!url) return openDatabase({});
  const target = new URL(url);
  const name = `${target.pathname.slice(1)}_restauration`;
  const server = await openDatabase({ url });
  await sql`drop database if exists ${sql.id(name)} with (force)`.execute(server.db);
  await sql`create database ${sql.id(name)}`.execute(server.db);
  await server.close();
  target.pathname = `/${name}`;
  return openDatabase({ url: target.toString() });
}

const backupsOf = (database: Database) => createContext(database).services.backups;
const create = (input: Record<string, unknown>, database = t.ctx.database) =>
  createContext(database).services.registry.create(actor, dynamicSchema.parse(input));

beforeAll(async () => {
  t = await createTestApp();
  for (let i = 0; i < 3; i++) await create(dynamicInput());
  await t.ctx.services.auth.addUser(actor, {
    email: `sauvegarde-${process.pid}-${Date.now()}@exemple.fr`,
    nom: 'Sauvegarde',
    role: 'documentaliste',
    regions: [],
    dynamiques: [],
  });
  fresh = await emptyDatabase();
});

afterAll(async () => {
  await fresh?.close();
  for (const d of opened) await d.close();
  await t?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('backup and restore', () => {
  it('a backup restored into an empty database gives back every table row by row, and again over changed data', async () => {
    const file = path.join(dir, 'complete.jsonl.gz');
    const { header } = await writeBackupFile(t.ctx.services.backups, actor, { target: file });
    const before = await allRows(t.ctx.database.db);
    expect(header.migration).toBe(latest);
    expect(Object.fromEntries(header.tables.map((x) => [x.nom, x.lignes]))).toEqual(
      Object.fromEntries(Object.entries(before).map(([name, rows]) => [name, rows.length])),
    );

    const summary = await backupsOf(fresh).restore(actor, readBackupFile(file));
    expect(summary.migrationsAppliquees).toEqual([]);
    expect(await allRows(fresh.db)).toEqual(before);

    // Sequences were moved past the restored ids: a new write (history has a serial id) goes through.
    await create(dynamicInput(), fresh);
    await sql`delete from utilisateur`.execute(fresh.db);
    expect(await allRows(fresh.db)).not.toEqual(before);
    await backupsOf(fresh).restore(actor, readBackupFile(file));
    expect(await allRows(fresh.db)).toEqual(before);

    if (fresh.kind === 'postgres') {
      // The format knows no engine: a server's backup loads into the embedded database too.
      const embedded = await openDatabase({});
      opened.push(embedded);
      await backupsOf(embedded).restore(actor, readBackupFile(file));
      expect(await allRows(embedded.db)).toEqual(before);
    }
  });

  it('a backup taken while writes go on holds each of them whole or not at all', async () => {
    const marker = `zsauv${process.pid}`;
    let stop = false;
    let written = 0;
    let failure: unknown = null;
    const writes = (async () => {
      while (!stop) {
        await create(dynamicInput({ nom: `${marker} ${written}` }));
        written += 1;
        // PGlite answers without I/O: let timers (and the backup) run between two writes, as requests do.
        await new Promise((r) => setImmediate(r));
      }
    })().catch((e) => {
      failure = e;
    });
    const reach = async (n: number) => {
      while (written < n && failure === null) await new Promise((r) => setTimeout(r, 20));
      expect(failure).toBeNull();
    };
    await reach(3);
    const file = path.join(dir, 'pendant.jsonl.gz');
    await writeBackupFile(t.ctx.services.backups, actor, { target: file });
    const atBackup = written;
    await reach(atBackup + 3);
    stop = true;
    await writes;

    const lines = backupLines(file);
    const dynamics = tableRows(lines, 'dynamique');
    const mine = dynamics.filter((d) => String(d.nom).startsWith(marker)).map((d) => String(d.id));
    expect(mine.length).toBeGreaterThanOrEqual(3);
    expect(mine.length).toBeLessThan(written);
    const history = new Set(
      tableRows(lines, 'historique')
        .filter((h) => h.entite === 'dynamique' && h.action === 'creation')
        .map((h) => String(h.entite_id)),
    );
    const perimeters = new Set(tableRows(lines, 'dynamique_commune').map((c) => String(c.dynamique)));
    for (const id of mine) {
      expect(history.has(id)).toBe(true);
      expect(perimeters.has(id)).toBe(true);
    }
    const stamp = tableRows(lines, 'registry_stamp')[0] as { dynamiques: number };
    expect(Number(stamp.dynamiques)).toBe(dynamics.length);

    await backupsOf(fresh).restore(actor, readBackupFile(file));
    const restored = await sql<{ n: number }>`
      select count(*)::int as n from dynamique where nom like ${`${marker} %`}`.execute(fresh.db);
    expect(restored.rows[0]?.n).toBe(mine.length);
  });

  it('refuses a file from a newer version, a file cut short or not a backup, and leaves the database as it was', async () => {
    const file = path.join(dir, 'source.jsonl.gz');
    await writeBackupFile(t.ctx.services.backups, actor, { target: file });
    await backupsOf(fresh).restore(actor, readBackupFile(file));
    const before = await allRows(fresh.db);
    const lines = backupLines(file);

    const newer = path.join(dir, 'plus-recente.jsonl.gz');
    writeBackupLines(newer, [
      JSON.stringify({ ...JSON.parse(lines[0] as string), migration: 9999 }),
      ...lines.slice(1),
    ]);
    await expect(backupsOf(fresh).restore(actor, readBackupFile(newer))).rejects.toThrow(
      /version plus récente de l’application \(migration 9999/,
    );

    // Cut before the last table's rows: the earlier tables were already loaded when the end is missed.
    const cut = path.join(dir, 'tronquee.jsonl.gz');
    writeBackupLines(cut, lines.slice(0, -3));
    await expect(backupsOf(fresh).restore(actor, readBackupFile(cut))).rejects.toThrow(
      /s’arrête avant la fin/,
    );

    const halfGzip = path.join(dir, 'moitie.jsonl.gz');
    const bytes = fs.readFileSync(file);
    fs.writeFileSync(halfGzip, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expect(backupsOf(fresh).restore(actor, readBackupFile(halfGzip))).rejects.toThrow(/tronqué/);

    const notBackup = path.join(dir, 'autre.gz');
    fs.writeFileSync(notBackup, zlib.gzipSync('type;nom\nCLS;x\n'));
    await expect(backupsOf(fresh).restore(actor, readBackupFile(notBackup))).rejects.toThrow(
      /Fichier de sauvegarde illisible/,
    );

    expect(await allRows(fresh.db)).toEqual(before);
  });

  it('a file from an older migration level is loaded at its level, then brought up to date', async () => {
    const old = await openDatabase({});
    opened.push(old);
    await migrate(old.db, { upTo: 12 });
    await sql`insert into lot (id, auteur, description) values ('lot-ancien', 'x', 'ancien import')`.execute(
      old.db,
    );
    await sql`insert into historique (entite, entite_id, lot, action, auteur, avant, apres)
      values ('dynamique', 'd-ancienne', 'lot-ancien', 'creation', 'x', null, '{"version": 3}')`.execute(
      old.db,
    );
    const file = path.join(dir, 'ancienne.jsonl.gz');
    const service = new BackupService(new BackupRepository(old.db), 'pglite');
    const { header } = await writeBackupFile(service, actor, { target: file });
    expect(header.migration).toBe(12);

    const target = await openDatabase({});
    opened.push(target);
    await migrate(target.db);
    const summary = await backupsOf(target).restore(actor, readBackupFile(file));
    expect(summary.migrationsAppliquees).toEqual(
      listMigrationFiles()
        .filter((m) => m.version > 12)
        .map((m) => m.version),
    );
    const rows = await sql<{ version: number; source: string }>`
      select version, source from historique where entite_id = 'd-ancienne'`.execute(target.db);
    expect(rows.rows).toEqual([{ version: 3, source: 'import' }]);
    const accounts = await sql<{ n: number }>`select count(*)::int as n from utilisateur`.execute(target.db);
    expect(accounts.rows[0]?.n).toBe(0);
  });
});

describe('GET /api/sauvegarde', () => {
  it('gives an administrator the same file as the command line, and nobody else', async () => {
    const res = await t.app.inject({ url: '/api/sauvegarde' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/gzip');
    expect(res.headers['content-disposition']).toMatch(
      /attachment; filename="odts-sauvegarde-.*\.jsonl\.gz"/,
    );
    const header = JSON.parse(zlib.gunzipSync(res.rawPayload).toString('utf8').split('\n')[0] as string);
    expect(header).toMatchObject({
      format: 'odts-sauvegarde',
      migration: latest,
      moteur: t.ctx.database.kind,
    });

    expect((await t.anonymous({ url: '/api/sauvegarde' })).statusCode).toBe(401);
    const documentalist = await t.tokenFor('documentaliste');
    const refused = await t.app.inject({
      url: '/api/sauvegarde',
      headers: { authorization: `Bearer ${documentalist}` },
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().erreur).toMatch(/sauvegarde/);
  });
});
