import { describe, expect, it } from 'vitest';
import { cslToNotice, noticeToCsl, noticeTypeOf } from '../../src/domain/resources/csl-mapping.ts';
import { noticeInput } from '../../src/domain/resources/schemas.ts';
import { bibtexFormat } from '../../src/resources/formats/bibtex.ts';
import { cslJsonFormat } from '../../src/resources/formats/csl-json.ts';
import { BIB_FORMATS, writeNotices } from '../../src/resources/formats/exchange.ts';
import { noticesToCsv, readNoticeCsv } from '../../src/resources/formats/notice-csv.ts';
import { risFormat } from '../../src/resources/formats/ris.ts';
import { richNotices } from '../factories/notices.ts';

const notices = richNotices('fmt').map((notice, i) => ({ id: `n${i}`, notice }));

describe('CSL-JSON mapping', () => {
  it('maps each notice type to a CSL type and back', () => {
    for (const { id, notice } of notices) {
      const item = noticeToCsl(id, notice);
      expect(noticeTypeOf(item), notice.type).toEqual({ type: notice.type, sousType: notice.sousType });
    }
  });

  it('writes persons and organisations as CSL names, dates as date-parts', () => {
    const item = noticeToCsl('x', notices[0]?.notice as never);
    expect(item.author).toEqual([
      { family: 'Le Goff', given: 'Anne-Sophie' },
      { family: 'de La Fontaine', given: 'Jean' },
    ]);
    expect(item.issued).toEqual({ 'date-parts': [[2019, 3]] });
    expect(item.keyword).toBe('contrat local de santé, gouvernance, décennie, ASV, CLS');
    expect(noticeToCsl('y', notices[1]?.notice as never)['number-of-pages']).toBe('86');
  });

  it('reads foreign items: genre, names, keywords, dates, languages', () => {
    const raw = cslToNotice({
      type: 'report',
      genre: 'Guide pratique',
      title: 'Guide',
      author: [{ literal: 'ARS Occitanie' }, { family: 'Dupont', given: 'Marie' }, { family: 'Collectif' }],
      issued: { raw: 'printemps 2017' },
      keyword: 'CPTS; santé mentale, tag libre, cls',
      language: 'French',
      'number-of-pages': 42,
    });
    expect(raw).toMatchObject({
      type: 'guide',
      auteurs: [
        { organisation: 'ARS Occitanie' },
        { nom: 'Dupont', prenom: 'Marie' },
        { organisation: 'Collectif' },
      ],
      date: '2017',
      dispositifs: ['CPTS'],
      motsCles: ['santé mentale'],
      etiquettes: ['tag libre', 'cls'],
      langue: 'fr',
      etendue: '42 p.',
    });
    expect(noticeTypeOf({ type: 'legislation', title: 'Arrêté du 12 mars 2021' }).sousType).toBe('arrete');
    expect(noticeTypeOf({ type: 'broadcast', title: 'x' }).type).toBe('podcast');
    expect(noticeTypeOf({ type: 'document', genre: 'Outil pédagogique', title: 'x' }).type).toBe('outil');
  });
});

describe('round trips through each format', () => {
  it.each(Object.keys(BIB_FORMATS) as (keyof typeof BIB_FORMATS)[])('%s gives back every field', (name) => {
    const text = writeNotices(name, notices);
    const back = BIB_FORMATS[name].parse(text).map((r) => noticeInput.parse(cslToNotice(r.item as never)));
    expect(back).toEqual(notices.map((n) => n.notice));
  });

  it('CSV (French Excel convention) gives back every field', () => {
    const csv = noticesToCsv(notices);
    expect(csv.startsWith('\uFEFFid;type;sousType;titre;')).toBe(true);
    expect(csv).toContain('\r\n');
    const read = readNoticeCsv(Buffer.from(csv, 'utf8'));
    expect(read.problems).toEqual([]);
    expect(read.records.map((r) => noticeInput.parse(r.raw))).toEqual(notices.map((n) => n.notice));
  });
});

describe('RIS', () => {
  const ris = [
    '\uFEFFTY  - JOUR',
    'TI  - Un titre qui continue',
    'sur la ligne suivante',
    'AU  - Dupont, Marie',
    'AU  - Santé publique France',
    'PY  - 2018',
    'KW  - CLS',
    'KW  - prévention',
    'ER  - ',
    '',
    'TY  - RPRT',
    'TI  - Second',
    'DA  - 2020/05/04/',
    'UR  - https://example.org/x',
    'ER  - ',
  ].join('\r\n');

  it('reads records with the line where each starts, joining continued lines', () => {
    const records = risFormat.parse(ris);
    expect(records.map((r) => r.ligne)).toEqual([1, 11]);
    const first = noticeInput.parse(cslToNotice(records[0]?.item as never));
    expect(first).toMatchObject({
      type: 'article',
      titre: 'Un titre qui continue sur la ligne suivante',
      auteurs: [{ nom: 'Dupont', prenom: 'Marie' }, { organisation: 'Santé publique France' }],
      date: '2018',
      dispositifs: ['CLS'],
      motsCles: ['prévention'],
    });
    expect(cslToNotice(records[1]?.item as never)).toMatchObject({ type: 'rapport', date: '2020-05-04' });
  });

  it('writes long values on one line (citation-js would wrap them at 70 characters)', () => {
    const title = `Un titre très long ${'qui ne doit jamais être coupé '.repeat(5)}`.trim();
    const text = risFormat.format([{ type: 'report', title }]);
    expect(text).toContain(`TI  - ${title}\r\n`);
  });
});

describe('BibTeX and CSL-JSON', () => {
  it('reads classic BibTeX entries with their line, skipping comments and strings', () => {
    const bib = [
      '@comment{exporté depuis un autre outil}',
      '@string{ehesp = "Presses de l’EHESP"}',
      '',
      '@book{martin2016,',
      '  author = {Martin, Paul and {Agence régionale de santé}},',
      "  title = {Promotion de la sant{\\'e}},",
      '  publisher = ehesp,',
      '  year = 2016,',
      '  keywords = {CLS, prévention},',
      '}',
      '@techreport{ors2021, title = {Rapport}, institution = {ORS}, year = {2021}}',
    ].join('\n');
    const records = bibtexFormat.parse(bib);
    expect(records.map((r) => r.ligne)).toEqual([4, 11]);
    expect(noticeInput.parse(cslToNotice(records[0]?.item as never))).toMatchObject({
      type: 'ouvrage',
      titre: 'Promotion de la santé',
      auteurs: [{ nom: 'Martin', prenom: 'Paul' }, { organisation: 'Agence régionale de santé' }],
      editeur: 'Presses de l’EHESP',
      date: '2016',
      dispositifs: ['CLS'],
      motsCles: ['prévention'],
    });
    expect(cslToNotice(records[1]?.item as never)).toMatchObject({ type: 'rapport', editeur: 'ORS' });
  });

  it('reports unreadable CSL-JSON per item', () => {
    expect(cslJsonFormat.parse('{pas du json')[0]?.error).toMatch(/JSON invalide/);
    const records = cslJsonFormat.parse(JSON.stringify([{ type: 'book', title: 'Livre' }, 42]));
    expect(records[0]?.item?.title).toBe('Livre');
    expect(records[1]).toEqual({ ligne: 2, error: 'notice CSL-JSON attendue (un objet)' });
  });
});
