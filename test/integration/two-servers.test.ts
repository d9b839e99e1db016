import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext } from '../../src/context.ts';
import { openDatabase } from '../../src/db/database.ts';
import { buildApp } from '../../src/http/app.ts';
import { dynamicInput } from '../factories/dynamics.ts';
import { createTestApp, type TestApp } from '../helpers/context.ts';
import { clearDepartement } from '../helpers/registry-cleanup.ts';

const url = process.env.DATABASE_URL;
const run = promisify(execFile);

// Lozère belongs to this file: its dynamics are removed first, so that counts are exact.
const MENDE = '48095';
const byMende = (body: { items: { nom: string }[] }, name: string) =>
  body.items.some((item) => item.nom === name);

if (url) {
  /**
   * Two application servers on one PostgreSQL server: each keeps its own in-memory snapshot, profiles
   * and kept answers, and each must see at its next read what the other wrote.
   */
  describe('two servers on one PostgreSQL database', () => {
    let a: TestApp;
    let b: { app: FastifyInstance; close(): Promise<void> };

    beforeAll(async () => {
      a = await createTestApp();
      await clearDepartement(a.ctx.database.db, '48');
      const ctx = createContext(await openDatabase({ url }));
      const app = await buildApp(ctx);
      b = {
        app,
        close: async () => {
          await app.close();
          await ctx.close();
        },
      };
    });
    afterAll(async () => {
      await clearDepartement(a.ctx.database.db, '48');
      await b?.close();
      await a?.close();
    });

    const readB = async (address: string) => {
      const res = await b.app.inject({ method: 'GET', url: address });
      expect(res.statusCode).toBe(200);
      return res.json();
    };
    const listAddress = `/api/dynamiques?territoire=commune:${MENDE}&limit=100`;
    const profileAddress = `/api/territoires/commune/${MENDE}/profil`;
    const countsAddress = '/api/analyses/comptages?niveau=departement&departement=48';
    const clsCount = (body: { items: { type: string; statut: string; nombre: number }[] }) =>
      body.items.find((i) => i.type === 'CLS' && i.statut === 'actif')?.nombre ?? 0;

    it('a creation, an edit and a removal through one server show in the other’s lists, profiles and analyses', async () => {
      // The second server has read everything once: its snapshot, profiles and kept answers are warm.
      const before = { counts: clsCount(await readB(countsAddress)) };
      expect((await readB(profileAddress)).dynamiques).toHaveLength(0);

      const input = dynamicInput({
        nom: `CLS de Mende ${process.pid}`,
        perimetre: { communes: [MENDE] },
        porteur: { nom: 'Ville de Mende', type: 'commune', code: MENDE },
      });
      const created = await a.app.inject({ method: 'POST', url: '/api/dynamiques', payload: input });
      expect(created.statusCode).toBe(201);
      const { id } = created.json();

      expect(byMende(await readB(listAddress), input.nom as string)).toBe(true);
      expect((await readB(profileAddress)).dynamiques.map((d: { id: string }) => d.id)).toEqual([id]);
      expect(clsCount(await readB(countsAddress))).toBe(before.counts + 1);

      const renamed = `CLS du Gévaudan ${process.pid}`;
      const edited = await a.app.inject({
        method: 'PUT',
        url: `/api/dynamiques/${id}`,
        headers: { 'if-match': created.headers.etag as string },
        payload: { ...input, nom: renamed },
      });
      expect(edited.statusCode).toBe(200);
      expect(byMende(await readB(listAddress), renamed)).toBe(true);
      expect((await readB(profileAddress)).dynamiques[0].nom).toBe(renamed);
      expect((await readB(`/api/dynamiques/${id}`)).nom).toBe(renamed);

      const removed = await a.app.inject({
        method: 'DELETE',
        url: `/api/dynamiques/${id}`,
        headers: { 'if-match': edited.headers.etag as string },
      });
      expect(removed.statusCode).toBe(204);
      expect(byMende(await readB(listAddress), renamed)).toBe(false);
      expect((await readB(profileAddress)).dynamiques).toHaveLength(0);
      expect(clsCount(await readB(countsAddress))).toBe(before.counts);
    });
  });
} else {
  /**
   * The embedded database cannot be shared: a second server started on the same data directory is
   * refused in French by the directory lock, and the first one keeps working.
   */
  describe('a second server on the same embedded database', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'odts-two-servers-'));
    afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

    it('is refused by the data-directory lock while the first one holds it', async () => {
      const first = await openDatabase({ dataDir: path.join(dataDir, 'pglite') });
      try {
        const env = {
          ...process.env,
          DATABASE_URL: '',
          ODTS_DATA_DIR: dataDir,
          ODTS_DEMO: '0',
          PORT: '0',
          FORCE_COLOR: '0',
        };
        const second = run(process.execPath, ['--import', 'tsx', 'src/main.ts'], { env, timeout: 120_000 });
        await expect(second).rejects.toMatchObject({ code: 1 });
        const { stderr } = await second.catch((e) => e as { stderr: string });
        expect(stderr).toMatch(`déjà ouverte par un autre processus (PID ${process.pid}`);
        // The first holder still reads and writes its database.
        await first.db.selectNoFrom((eb) => eb.val(1).as('un')).execute();
      } finally {
        await first.close();
      }
    });
  });
}
