import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamicInput } from '../factories/dynamics.ts';
import { newMarker, noticeBody } from '../factories/notices.ts';
import { createTestApp } from '../helpers/context.ts';
import { clearDepartement } from '../helpers/registry-cleanup.ts';

// Markup typed in text fields comes out of the generated documents (HTML report and sélection, DOCX)
// as text: escaped in HTML and in the Word XML, never as elements.

const DEPARTEMENT = '23';
const COMMUNE = '23096'; // Guéret
const IMG = '<img src=x onerror=window.__xss=1>';
const SCRIPT = '"><script>window.__xss=1</script>';
const marker = newMarker();

let t: Awaited<ReturnType<typeof createTestApp>>;
let selection: string;
let started: Date;

beforeAll(async () => {
  started = new Date();
  t = await createTestApp();
  await clearDepartement(t.ctx.database.db, DEPARTEMENT);
  const dynamic = await t.app.inject({
    method: 'POST',
    url: '/api/dynamiques',
    payload: dynamicInput({
      nom: `${marker} ${IMG}`,
      porteur: { nom: `Porteur ${SCRIPT}`, type: 'commune', code: COMMUNE },
      perimetre: { communes: [COMMUNE] },
    }),
  });
  expect(dynamic.statusCode, dynamic.body).toBe(201);
  const notice = await t.app.inject({
    method: 'POST',
    url: '/api/ressources',
    payload: noticeBody({
      titre: `${marker} ${SCRIPT}`,
      resume: `Résumé ${IMG}`,
      auteurs: [{ organisation: IMG }],
    }),
  });
  expect(notice.statusCode, notice.body).toBe(201);
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/selections',
    payload: {
      titre: `${marker} sélection ${IMG}`,
      introduction: `Introduction ${SCRIPT}`,
      sections: [
        {
          titre: `Partie ${IMG}`,
          notices: [{ notice: notice.json().id, commentaire: `Commentaire ${SCRIPT}` }],
        },
      ],
    },
  });
  expect(created.statusCode, created.body).toBe(201);
  selection = created.json().id;
});

afterAll(async () => {
  await clearDepartement(t.ctx.database.db, DEPARTEMENT);
  for (const table of ['notice', 'selection'] as const) {
    await t.ctx.database.db.deleteFrom(table).where('cree_le', '>=', started).execute();
  }
  await t.close();
});

/** The text of the Word document's body part. */
function docxXml(bytes: Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'odts-docx-'));
  const file = path.join(dir, 'document.docx');
  fs.writeFileSync(file, bytes);
  try {
    return execFileSync('unzip', ['-p', file, 'word/document.xml'], {
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const escapedHtml = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

function expectNoMarkup(text: string, what: string): void {
  expect(text, what).not.toContain('<img src=x');
  expect(text, what).not.toContain('<script>window');
  expect(text, what).not.toMatch(/<[^>]*\sonerror=/i);
}

describe('generated documents', () => {
  it('HTML report: names of dynamics escaped', async () => {
    const res = await t.app.inject({
      url: `/api/rapports/etat-des-lieux?departement=${DEPARTEMENT}&format=html`,
    });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expectNoMarkup(res.body, 'rapport HTML');
    expect(res.body).toContain(escapedHtml(IMG));
  });

  it('DOCX report: names of dynamics are text runs', async () => {
    const res = await t.app.inject({
      url: `/api/rapports/etat-des-lieux?departement=${DEPARTEMENT}&format=docx`,
    });
    expect(res.statusCode).toBe(200);
    const xml = docxXml(res.rawPayload);
    expectNoMarkup(xml, 'rapport DOCX');
    expect(xml).toContain(escapedHtml(IMG));
  });

  it('sélection in HTML and DOCX: every text escaped', async () => {
    const html = await t.app.inject({ url: `/api/selections/${selection}/export?format=html` });
    expect(html.statusCode).toBe(200);
    expectNoMarkup(html.body, 'sélection HTML');
    for (const text of [
      `Introduction ${SCRIPT}`,
      `Partie ${IMG}`,
      `Commentaire ${SCRIPT}`,
      `${marker} ${SCRIPT}`,
    ]) {
      // Escaped by name or by number (the citation styles use numbers); quotes may stay in text.
      const body = html.body
        .replace(/&#60;/g, '&lt;')
        .replace(/&#62;/g, '&gt;')
        .replace(/&#38;/g, '&amp;')
        .replace(/&#34;|&quot;/g, '"');
      expect(body, text).toContain(escapedHtml(text));
    }
    const docx = await t.app.inject({ url: `/api/selections/${selection}/export?format=docx` });
    expect(docx.statusCode).toBe(200);
    const xml = docxXml(docx.rawPayload);
    expectNoMarkup(xml, 'sélection DOCX');
    expect(xml).toContain(escapedHtml(`Partie ${IMG}`));
  });
});
