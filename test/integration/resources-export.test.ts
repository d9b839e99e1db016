import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamicInput } from '../factories/dynamics.ts';
import { newMarker, richNotices } from '../factories/notices.ts';
import { createTestApp } from '../helpers/context.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
const m = newMarker();
let originals: Record<string, unknown>[] = [];

beforeAll(async () => {
  t = await createTestApp();
  const dynamic = (
    await t.app.inject({ method: 'POST', url: '/api/dynamiques', payload: dynamicInput() })
  ).json();
  originals = richNotices(m).map((n, i) =>
    i === 0 ? { ...n, dynamiques: [dynamic.id], territoires: [{ type: 'commune', code: '42218' }] } : n,
  );
  for (const payload of originals) {
    const res = await t.app.inject({ method: 'POST', url: '/api/ressources', payload });
    expect(res.statusCode, res.body).toBe(201);
  }
});
afterAll(() => t.close());

/** The notices of this file as stored, without what the platform adds (id, version, dates, year). */
async function stored(): Promise<Record<string, unknown>[]> {
  const list = (
    await t.app.inject({ url: '/api/ressources', query: { q: m, limit: '100', tri: 'date' } })
  ).json();
  const full = await Promise.all(
    list.items.map(async (i: { id: string }) => (await t.app.inject(`/api/ressources/${i.id}`)).json()),
  );
  return full
    .map(({ id: _i, version: _v, creeLe: _c, modifieLe: _m, annee: _a, ...notice }) => notice)
    .sort((a, b) => String(a.titre).localeCompare(String(b.titre)));
}

async function removeAll() {
  const list = (await t.app.inject({ url: '/api/ressources', query: { q: m, limit: '100' } })).json();
  for (const item of list.items) {
    const res = await t.app.inject({
      method: 'DELETE',
      url: `/api/ressources/${item.id}`,
      headers: { 'if-match': `"${(await t.app.inject(`/api/ressources/${item.id}`)).json().version}"` },
    });
    expect(res.statusCode).toBe(204);
  }
}

describe('export then re-import gives back the same notices', () => {
  it.each(['ris', 'bibtex', 'csl-json', 'csv'])('%s', async (format) => {
    const before = await stored();
    expect(before).toHaveLength(originals.length);
    const file = await t.app.inject({ url: '/api/ressources/export', query: { format, q: m } });
    expect(file.statusCode, file.body).toBe(200);
    expect(file.headers['content-disposition']).toMatch(
      /attachment; filename="ressources-\d{4}-\d{2}-\d{2}\./,
    );
    await removeAll();
    expect(await stored()).toEqual([]);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/imports/ressources',
      query: { format },
      headers: { 'content-type': 'application/octet-stream' },
      payload: file.rawPayload,
    });
    expect(res.json()).toMatchObject({ valide: true, crees: originals.length, doublons: [] });
    expect(await stored()).toEqual(before);
  });
});

describe('export formats', () => {
  it('CSV follows the French Excel convention', async () => {
    const res = await t.app.inject({ url: '/api/ressources/export', query: { format: 'csv', q: m } });
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.body.startsWith('\uFEFFid;type;sousType;titre;auteurs')).toBe(true);
    expect(res.body.split('\r\n')).toHaveLength(originals.length + 2);
  });

  it('RIS and BibTeX carry their media types; texte gives formatted references', async () => {
    const ris = await t.app.inject({ url: '/api/ressources/export', query: { format: 'ris', q: m } });
    expect(ris.headers['content-type']).toBe('application/x-research-info-systems; charset=utf-8');
    expect(ris.body.match(/^TY {2}- /gm)).toHaveLength(originals.length);
    const bib = await t.app.inject({ url: '/api/ressources/export', query: { format: 'bibtex', q: m } });
    expect(bib.headers['content-type']).toBe('application/x-bibtex; charset=utf-8');
    const text = await t.app.inject({
      url: '/api/ressources/export',
      query: { format: 'texte', q: m, type: 'ouvrage' },
    });
    expect(text.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(text.body).toMatch(
      new RegExp(`Martin, P\\. \\(2016\\)\\. ${m} Promotion de la santé et territoires`),
    );
  });

  it('filters like the search and rejects an unknown format', async () => {
    const res = await t.app.inject({
      url: '/api/ressources/export',
      query: { format: 'csl-json', q: m, dispositif: 'CPTS' },
    });
    expect(JSON.parse(res.body).map((i: { type: string }) => i.type)).toEqual(['legislation']);
    const bad = await t.app.inject({ url: '/api/ressources/export', query: { format: 'pdf' } });
    expect(bad.statusCode).toBe(400);
  });
});
