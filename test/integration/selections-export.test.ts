import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newMarker } from '../factories/notices.ts';
import { createNotices, selectionBody } from '../factories/selections.ts';
import { createTestApp } from '../helpers/context.ts';
import { docxAsText } from '../helpers/docx-text.ts';

const run = promisify(execFile);
let t: Awaited<ReturnType<typeof createTestApp>>;
let m: string;
let id: string;
let etag: string;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'odts-selection-'));

beforeAll(async () => {
  t = await createTestApp();
  m = newMarker();
  const [a, b, c, d, w] = (await createNotices(t.app, [
    {
      titre: `${m} Décret relatif aux CLS`,
      type: 'texte_officiel',
      sousType: 'decret',
      date: '2016-01-26',
      auteurs: [{ organisation: 'Ministère des affaires sociales et de la santé' }],
      conteneur: { titre: 'Journal officiel de la République française' },
    },
    { titre: `${m} Guide du CLS`, type: 'guide', date: '2019', editeur: 'Fabrique Territoires Santé' },
    {
      titre: `${m} Bilan national des CLS`,
      date: '2022-05',
      auteurs: [{ nom: 'Lefèvre', prenom: 'Hélène' }],
      lieu: 'Paris',
      editeur: 'Ireps',
      etendue: '86 p.',
    },
    {
      titre: `${m} Dix ans de CLS en Occitanie`,
      date: '2014',
      type: 'article',
      conteneur: { titre: 'Santé publique', volume: '26', numero: '3' },
      pages: '12-20',
    },
    {
      titre: `${m} Portail des CLS`,
      type: 'page_web',
      url: 'https://cls.example.org/',
      consulteLe: '2024-02-01',
    },
  ])) as [string, string, string, string, string];
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/selections',
    payload: selectionBody(m, { a, b, c, d, w }),
  });
  expect(res.statusCode, res.body).toBe(201);
  id = res.json().id;
  etag = res.headers.etag as string;
});
afterAll(async () => {
  await t.app.inject({ method: 'DELETE', url: `/api/selections/${id}`, headers: { 'if-match': etag } });
  await t.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const exported = (format: string) => t.app.inject(`/api/selections/${id}/export?format=${format}`);

/** What every rendering must show: numbered sections, ordered and numbered notices, citation, commentary. */
function expectComposed(text: string) {
  const flat = text.replace(/\s+/g, ' ');
  expect(flat).toContain(`${m} Sélection sur les contrats locaux de santé`);
  expect(flat).toContain('1. Textes de référence');
  expect(flat).toContain('1.1 Guides pratiques');
  expect(flat).toContain('2. Retours d’expérience');
  expect(flat).toContain('3. Sitographie');
  expect(flat).toContain(`${m} Un bilan utile aux coordinateurs.`);
  // The introduction cites the national review, first of the ante-chronological first section.
  expect(flat).toContain('le bilan national (1) en donne');
  expect(flat).toMatch(
    new RegExp(`\\(1\\)\\s?LEFÈVRE Hélène\\. ${m} Bilan national des CLS\\. Paris : Ireps, 2022, 86 p\\.`),
  );
  expect(flat).toContain('Annexe : glossaire');
  expect(flat).toContain('contrat local de santé');
  expect(flat).toContain('consulté le 1er février 2024');
}

describe('sélection exports', () => {
  it('HTML: a public page in the documentalist style', async () => {
    const res = await exported('html');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    const html = res.body;
    expect(html).toContain('<a class="citation" href="#ref-1">(1)</a>');
    expect(html).toContain('<li id="ref-1">');
    expect(html).toContain('<i>Santé publique</i>, 2014, vol. 26, n° 3, p. 12');
    expect(html).toContain('<a href="https://cls.example.org/">https://cls.example.org/</a>');
    expect(html).toContain('déjà citée sous le n° 2');
    expect(html).toContain('<nav class="toc"');
    // Text content: tags removed, entities decoded.
    expectComposed(
      html
        .replace(/<style>[\s\S]*?<\/style>/, '')
        .replace(/<\/(p|li|h\d|dt|dd|div|section)>/g, ' ')
        .replace(/<[^>]+>/g, ''),
    );
    // Order: 1 bilan (2022), 2 décret (2016), 3 guide, 4 Occitanie (2014), 5 portail.
    const order = [
      ...html.matchAll(/<span class="numero">\((\d+)\)<\/span><span class="reference">([^<]*)/g),
    ].map((x) => x[1]);
    expect(order).toEqual(['1', '2', '3', '4', '2', '5']);
  });

  it('DOCX opens in LibreOffice and contains what was composed', async () => {
    const res = await exported('docx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="selection-.*\.docx"/);
    expectComposed(await docxAsText(tmp, 'selection', res.rawPayload));
    const file = path.join(tmp, 'selection.docx');

    // A contents field Word updates on opening, listing the headings meanwhile; addresses are live links.
    const { stdout: body } = await run('unzip', ['-p', file, 'word/document.xml'], { maxBuffer: 20_000_000 });
    expect(body).toMatch(/<w:fldChar w:fldCharType="begin" w:dirty="true"\/>/);
    expect(body).toContain('TOC \\h \\o &quot;1-4&quot;</w:instrText>');
    expect(body).toContain('1.1 Guides pratiques');
    const { stdout: rels } = await run('unzip', ['-p', file, 'word/_rels/document.xml.rels']);
    expect(rels).toMatch(/Target="https:\/\/cls\.example\.org\/" TargetMode="External"/);
    expect(body).toMatch(/<w:hyperlink [^>]*r:id="[^"]+"[^>]*>.*?https:\/\/cls\.example\.org\//s);
  });

  it('PDF is printed by Chromium, renders and contains what was composed', async () => {
    const res = await exported('pdf');
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const file = path.join(tmp, 'selection-chromium.pdf');
    fs.writeFileSync(file, res.rawPayload);
    await run('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', file, path.join(tmp, 'page')]);
    const png = fs.readdirSync(tmp).find((f) => f.startsWith('page') && f.endsWith('.png'));
    expect(png).toBeDefined();
    expect(fs.statSync(path.join(tmp, png as string)).size).toBeGreaterThan(1000);
    const { stdout } = await run('pdftotext', [file, '-']);
    expectComposed(stdout);

    // The contents give each section's page, and the section starts on that page.
    const { stdout: contents } = await run('pdftotext', ['-layout', '-f', '1', '-l', '1', file, '-']);
    for (const heading of [
      '1. Textes de référence',
      '1.1 Guides pratiques',
      '3. Sitographie',
      'Annexe : glossaire',
    ]) {
      const line = contents.split('\n').find((l) => l.trim().startsWith(heading));
      const page = Number(/(\d+)\s*$/.exec(line ?? '')?.[1]);
      expect(page, `${heading} : ${line}`).toBeGreaterThan(1); // the title page and its contents come first
      const { stdout: onPage } = await run('pdftotext', ['-f', String(page), '-l', String(page), file, '-']);
      expect(onPage.replace(/\s+/g, ' ')).toContain(heading);
    }
  });

  it('CSL-JSON, RIS and BibTeX carry the notices in the order of their numbers', async () => {
    const json = await exported('csl-json');
    expect(json.statusCode).toBe(200);
    const titles = (JSON.parse(json.body) as { title: string }[]).map((i) => i.title.replace(`${m} `, ''));
    expect(titles).toEqual([
      'Bilan national des CLS',
      'Décret relatif aux CLS',
      'Guide du CLS',
      'Dix ans de CLS en Occitanie',
      'Portail des CLS',
    ]);
    const ris = await exported('ris');
    expect(ris.headers['content-type']).toContain('research-info-systems');
    expect(ris.body.match(/^TY {2}- /gm)).toHaveLength(5);
    expect(ris.body).toContain(`TI  - ${m} Guide du CLS`);
    const bib = await exported('bibtex');
    expect(bib.body.match(/^@\w+\{/gm)).toHaveLength(5);
    expect(bib.body).toContain(`title = {${m} {Portail} des {CLS}}`);
  });

  it('an unknown format → 400 naming format', async () => {
    const res = await exported('odt');
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().champs)).toContain('format');
  });
});
