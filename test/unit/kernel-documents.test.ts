import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Paragraph, TextRun } from 'docx';
import { afterAll, describe, expect, it } from 'vitest';
import { escapeHtml } from '../../src/domain/text/escape-html.ts';
import { brandHtml, houseCss } from '../../src/kernel/documents/house-css.ts';
import {
  brandParagraph,
  headingParagraph,
  metaParagraph,
  renderHouseDocx,
  titleParagraph,
} from '../../src/kernel/documents/house-docx.ts';
import {
  HOUSE_STYLE_IDS,
  halfPoints,
  houseDocxStyles,
  housePage,
  mmToTwips,
} from '../../src/kernel/documents/house-docx-styles.ts';
import { HOUSE_STYLE, type HouseStyle, NEUTRAL_IDENTITY } from '../../src/kernel/documents/house-style.ts';
import { PdfRenderer } from '../../src/kernel/documents/pdf-renderer.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'odts-kernel-documents-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A 1 × 1 PNG, enough to stand for an operator's logo. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

/** A style whose every token differs from the house one, to see each output follow the tokens. */
const OTHER: HouseStyle = {
  ...HOUSE_STYLE,
  font: { docx: 'Verdana', css: 'Verdana, sans-serif' },
  colour: { ...HOUSE_STYLE.colour, accent: '123456', muted: '654321' },
  size: { ...HOUSE_STYLE.size, body: 11, headings: [20, 14, 12, 11] },
  page: { ...HOUSE_STYLE.page, margin: { top: 20, right: 25, bottom: 22, left: 25 } },
};

function unzip(buffer: Buffer, entry: string): string {
  const file = path.join(tmp, `${Math.random().toString(36).slice(2)}.docx`);
  fs.writeFileSync(file, buffer);
  return execFileSync('unzip', ['-p', file, entry], { encoding: 'utf8' });
}

function listEntries(buffer: Buffer): string {
  const file = path.join(tmp, `${Math.random().toString(36).slice(2)}.docx`);
  fs.writeFileSync(file, buffer);
  return execFileSync('unzip', ['-l', file], { encoding: 'utf8' });
}

describe('HTML escaping', () => {
  it('escapes the five characters that matter in text and attribute values', () => {
    expect(escapeHtml(`<a href="x" title='y'>Tom & Jerry</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Tom &amp; Jerry&lt;/a&gt;',
    );
  });

  it('leaves other text alone, accents and typographic quotes included', () => {
    expect(escapeHtml('Santé « publique » — l’ARS')).toBe('Santé « publique » — l’ARS');
  });

  it('escapes an existing entity again rather than trusting it', () => {
    expect(escapeHtml('&amp;')).toBe('&amp;amp;');
  });
});

describe('house style: CSS and Word styles from the same tokens', () => {
  it('the stylesheet carries the colours, font, sizes and page margins of the tokens', () => {
    const css = houseCss(OTHER);
    expect(css).toContain('--accent: #123456');
    expect(css).toContain('--muted: #654321');
    expect(css).toContain('font-family: Verdana, sans-serif');
    // Print text is the body size, as in Word; headings are proportional to it.
    expect(css).toMatch(/@media print \{\s*html \{ font-size: 11pt; \}/);
    expect(css).toMatch(/h2 \{ font-size: 1\.818rem;/);
    expect(css).toContain('@page { size: A4; margin: 20mm 25mm 22mm 25mm; }');
  });

  it('the Word styles carry the same colours, font, sizes and margins', () => {
    const styles = houseDocxStyles(OTHER);
    expect(styles.default?.document?.run).toMatchObject({ font: 'Verdana', size: 22 });
    expect(styles.default?.heading1?.run).toMatchObject({ size: 40, color: '123456', bold: true });
    expect(styles.default?.heading2?.run).toMatchObject({ size: 28, color: '123456' });
    const footer = styles.paragraphStyles?.find((s) => s.id === HOUSE_STYLE_IDS.footer);
    expect(footer?.run).toMatchObject({ color: '654321', size: halfPoints(OTHER.size.note) });
    expect(housePage(OTHER).margin).toMatchObject({
      top: mmToTwips(20),
      right: mmToTwips(25),
      bottom: mmToTwips(22),
      left: mmToTwips(25),
    });
  });

  it('the default house CSS and Word styles agree on the accent colour and the body size', () => {
    const accent = HOUSE_STYLE.colour.accent;
    expect(houseCss()).toContain(`--accent: #${accent};`);
    expect(houseDocxStyles().default?.heading1?.run).toMatchObject({ color: accent });
    expect(houseCss()).toMatch(
      new RegExp(`@media print \\{\\s*html \\{ font-size: ${HOUSE_STYLE.size.body}pt;`),
    );
    expect(houseDocxStyles().default?.document?.run).toMatchObject({
      size: halfPoints(HOUSE_STYLE.size.body),
    });
  });
});

describe('a throw-away document in the house style', () => {
  const build = (identity = NEUTRAL_IDENTITY) =>
    renderHouseDocx({
      title: 'Document d’essai',
      identity,
      titlePage: [
        brandParagraph(identity, 'Essai'),
        titleParagraph('Document d’essai'),
        metaParagraph([new TextRun('Mention')]),
      ],
      body: [
        headingParagraph(1, 'Partie'),
        headingParagraph(2, 'Sous-partie'),
        headingParagraph(3, 'Niveau 3'),
        headingParagraph(6, 'Trop profond : niveau 4'),
        new Paragraph({ style: HOUSE_STYLE_IDS.body, children: [new TextRun('Corps du texte.')] }),
        new Paragraph({ numbering: { reference: HOUSE_STYLE_IDS.bullets, level: 0 }, text: 'Un point' }),
        new Paragraph({ style: HOUSE_STYLE_IDS.note, text: 'Une note.' }),
      ],
      footer: 'Pied d’essai',
    });

  it('declares the house paragraph styles and uses them', async () => {
    const docx = await build();
    const styles = unzip(docx, 'word/styles.xml');
    for (const id of [
      'Title',
      'Heading1',
      'Heading2',
      'Heading3',
      'Heading4',
      HOUSE_STYLE_IDS.body,
      HOUSE_STYLE_IDS.meta,
      HOUSE_STYLE_IDS.brand,
      HOUSE_STYLE_IDS.caption,
      HOUSE_STYLE_IDS.note,
      HOUSE_STYLE_IDS.footer,
      HOUSE_STYLE_IDS.cell,
      HOUSE_STYLE_IDS.cellHeadNumber,
    ])
      expect(styles, id).toContain(`w:styleId="${id}"`);
    expect(styles).toContain(`w:color w:val="${HOUSE_STYLE.colour.accent}"`);
    const body = unzip(docx, 'word/document.xml');
    for (const id of ['Title', 'Heading1', 'Heading4', HOUSE_STYLE_IDS.body, HOUSE_STYLE_IDS.note])
      expect(body, id).toContain(`<w:pStyle w:val="${id}"/>`);
    expect(body).toContain(`w:top="${mmToTwips(HOUSE_STYLE.page.margin.top)}"`);
  });

  it('has bullets and a footer with the text and the page numbers', async () => {
    const docx = await build();
    expect(unzip(docx, 'word/numbering.xml')).toContain('w:val="bullet"');
    const footer = unzip(docx, 'word/footer1.xml');
    expect(footer).toContain('Pied d’essai');
    expect(footer).toContain('PAGE');
    expect(footer).toContain('NUMPAGES');
  });

  it('names the neutral publisher by default, and an operator with its logo when given one', async () => {
    expect(unzip(await build(), 'docProps/core.xml')).toContain('Observatoire DTS');
    const operator = {
      name: 'Ville <d’essai>',
      logo: { type: 'png' as const, data: PNG, width: 30, height: 30 },
    };
    const docx = await build(operator);
    expect(unzip(docx, 'docProps/core.xml')).toContain('Ville &lt;d’essai&gt;');
    expect(listEntries(docx)).toMatch(/word\/media\/.+\.png/);
    const html = brandHtml(operator, 'Essai');
    expect(html).toContain('Ville &lt;d’essai&gt;');
    expect(html).toContain('src="data:image/png;base64,');
    expect(brandHtml(NEUTRAL_IDENTITY, 'Essai')).not.toContain('<img');
  });
});

describe('PDF renderer', () => {
  it('refuses in French, naming ODTS_CHROMIUM_PATH, when Chromium is missing', () => {
    const pdf = new PdfRenderer('/nonexistent/chromium');
    expect(() => pdf.assertAvailable()).toThrow(/Chromium.*ODTS_CHROMIUM_PATH/);
  });
});
