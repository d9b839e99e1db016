import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cslToNotice, noticeToCsl } from '../../src/domain/resources/csl-mapping.ts';
import { type NoticeInput, noticeInput } from '../../src/domain/resources/schemas.ts';
import { citationKeys } from '../../src/resources/formats/bibtex.ts';
import { BIB_FORMATS, writeNotices } from '../../src/resources/formats/exchange.ts';
import { readRecords } from '../../src/resources/imports/read-records.ts';
import { richNotices } from '../factories/notices.ts';

const notices = richNotices('exp').map((notice, i) => ({ id: `n${i}`, notice }));

/** What the file says without the project's complement, as another program would read it. */
function withoutComplement(format: keyof typeof BIB_FORMATS, text: string): string {
  if (format === 'ris') return text.replace(/^U1 {2}- .*\r\n/gm, '');
  if (format === 'bibtex') return text.replace(/^ {2}annotation = \{odts:.*\n/gm, '');
  return JSON.stringify(
    (JSON.parse(text) as Record<string, unknown>[]).map(({ custom: _c, ...item }) => item),
  );
}

const BIBLIOGRAPHIC = [
  'type',
  'sousType',
  'titre',
  'directeurs',
  'conteneur',
  'collection',
  'date',
  'pages',
  'url',
  'consulteLe',
  'doi',
  'isbn',
  'issn',
  'langue',
  'motsCles',
  'etiquettes',
  'dispositifs',
] as const;

describe('exports carry the bibliographic fields in the format itself', () => {
  it.each(['ris', 'bibtex', 'csl-json'] as const)('%s, even with the complement removed', (format) => {
    const text = withoutComplement(format, writeNotices(format, notices));
    const read = readRecords(Buffer.from(text, 'utf8'), format);
    expect(read.problems).toEqual([]);
    const back = read.records.map((r) => noticeInput.parse(r.raw));
    expect(back).toHaveLength(notices.length);
    back.forEach((notice, i) => {
      const original = (notices[i] as { notice: NoticeInput }).notice;
      for (const field of BIBLIOGRAPHIC) {
        expect(notice[field], `${format} ${original.type} ${field}`).toEqual(original[field]);
      }
    });
  });
});

describe('BibTeX export', () => {
  const bib = writeNotices('bibtex', notices);

  it('writes both the classic and the BibLaTeX field names, in UTF-8 rather than TeX accents', () => {
    const article = bib.slice(bib.indexOf('@article{'), bib.indexOf('\n}\n', bib.indexOf('@article{')));
    expect(article).toContain('journal = {Santé publique}');
    expect(article).toContain('journaltitle = {Santé publique}');
    expect(article).toContain('year = {2019}');
    expect(article).toContain('date = {2019-03}');
    expect(bib).not.toMatch(/\{\\['`^"~]/);
    expect(bib).toContain('institution = {ORS PACA}');
  });

  it('gives unique keys, the same whatever the order of the notices', () => {
    const twelve = Array.from({ length: 12 }, (_, i) => ({
      id: `fts-${i}`,
      notice: noticeInput.parse({
        type: 'rapport',
        titre: `ASV : fiche ${i}`,
        auteurs: [{ organisation: 'Fabrique Territoires Santé' }],
        date: '2019',
      }),
    }));
    const items = twelve.map(({ id, notice }) => noticeToCsl(id, notice));
    const keys = citationKeys(items);
    expect(new Set(keys).size).toBe(12);
    expect(keys[0]).toMatch(/^Fabrique2019Asv-[a-z0-9]+$/);
    const reversed = citationKeys([...items].reverse()).reverse();
    expect(reversed).toEqual(keys);
    expect(citationKeys([noticeToCsl('x', notices[2]?.notice as NoticeInput)])).toEqual(['Martin2016Exp']);
  });

  it('is read back by the importer with every field (the round trip)', () => {
    const back = BIB_FORMATS.bibtex.parse(bib).map((r) => noticeInput.parse(cslToNotice(r.item as never)));
    expect(back).toEqual(notices.map((n) => n.notice));
  });

  it('is read by BibTeX itself with plain.bst: no empty year, journal or title', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'odts-bibtex-'));
    try {
      fs.writeFileSync(path.join(dir, 'export.bib'), bib);
      fs.writeFileSync(path.join(dir, 'doc.aux'), '\\citation{*}\n\\bibstyle{plain}\n\\bibdata{export}\n');
      execFileSync('bibtex', ['doc'], { cwd: dir, stdio: 'pipe' });
      const log = fs.readFileSync(path.join(dir, 'doc.blg'), 'utf8');
      expect(log).not.toMatch(/error message/);
      expect(log).not.toMatch(/empty (year|journal|title|institution|school|booktitle|publisher)/);
      const bbl = fs.readFileSync(path.join(dir, 'doc.bbl'), 'utf8');
      expect(bbl.match(/\\bibitem/g)).toHaveLength(notices.length);
      expect(bbl).toContain('{\\em Santé publique}, 31(2):123--135, March 2019.');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
