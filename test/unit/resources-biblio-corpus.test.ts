import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { noticeInput } from '../../src/domain/resources/schemas.ts';
import { readRecords } from '../../src/resources/imports/read-records.ts';

/**
 * Files written in the styles of the exporters people use (Zotero, EndNote, Mendeley, JabRef, PubMed,
 * HAL, Cairn) with their quirks, each with the records expected in expected.json.
 */
const DIR = new URL('../fixtures/biblio/', import.meta.url);
const expected = JSON.parse(fs.readFileSync(new URL('expected.json', DIR), 'utf8')) as Record<
  string,
  { ligne: number; notice?: Record<string, unknown>; erreur?: string }[]
>;

function read(name: string) {
  const file = readRecords(fs.readFileSync(new URL(name, DIR)), undefined);
  const records = file.records.map((r) => {
    if (!r.raw) return { ligne: r.ligne, erreur: r.error };
    const notice = noticeInput.parse(r.raw);
    const filled = Object.entries(notice).filter(
      ([, v]) => v !== null && !(Array.isArray(v) && v.length === 0),
    );
    return { ligne: r.ligne, notice: Object.fromEntries(filled) };
  });
  return { ...file, records };
}

describe('corpus of real-world style files', () => {
  it.each(Object.keys(expected))('%s gives the expected records', (name) => {
    const file = read(name);
    expect(file.problems).toEqual([]);
    expect(file.records).toEqual(expected[name]);
  });

  it('covers every exporter and both formats', () => {
    const names = Object.keys(expected);
    for (const source of ['zotero', 'endnote', 'mendeley', 'jabref', 'pubmed', 'hal', 'cairn']) {
      expect(names.some((n) => n.startsWith(source))).toBe(true);
    }
    expect(names.filter((n) => n.endsWith('.bib')).length).toBeGreaterThanOrEqual(4);
  });
});

describe('RIS tag by tag', () => {
  const zotero = read('zotero.ris').records;
  const endnote = read('endnote.ris').records;

  it('keeps the title and the authors when a translated title (TT) and a translator (TA) are given', () => {
    expect(zotero[0]?.notice).toMatchObject({
      titre: 'Local health contracts and territorial inequalities',
      auteurs: [
        { nom: 'Martin', prenom: 'Claire' },
        { nom: 'Nguyen', prenom: 'Thi Lan' },
      ],
    });
  });

  it('reads WEB, BILL, PAT, STAT, HEAR and MPCT records with their authors and full dates', () => {
    expect(zotero.map((r) => r.notice?.type)).toEqual(['article', 'page_web', 'texte_officiel', 'rapport']);
    expect(zotero[2]?.notice?.auteurs).toEqual([{ organisation: 'Assemblée nationale' }]);
    expect(zotero[3]?.notice?.date).toBe('2021-06-15');
    expect(endnote.map((r) => r.notice?.type)).toEqual([
      'article',
      'texte_officiel',
      'texte_officiel',
      'video',
      'ouvrage',
    ]);
    expect(endnote[2]?.notice).toMatchObject({ auteurs: [{ organisation: 'Sénat' }], date: '2022-11-09' });
    expect(endnote[3]?.notice?.auteurs).toEqual([{ organisation: 'Collectif Vidéo Santé' }]);
  });

  it('reads EndNote’s one-space tags after a BOM, its multi-line abstract, a year-month date', () => {
    expect(endnote[0]?.notice).toMatchObject({
      date: '2018-05',
      resume: 'Neighbourhood health workers reach residents far from care.',
      issn: '1757-9759',
    });
  });

  it('reads a Windows-1252 file', () => {
    expect(read('windows-1252.ris').records[0]?.notice?.auteurs).toEqual([
      { nom: 'Lefèvre', prenom: 'Irène' },
    ]);
  });

  it('reports a tag outside any record on its line, in French', () => {
    const file = readRecords(
      Buffer.from('AU  - Seul, Auteur\r\nTY  - JOUR\r\nTI  - Titre\r\nER  - \r\n'),
      'ris',
    );
    expect(file.problems).toEqual([
      {
        ligne: 1,
        champ: '(fichier)',
        message: 'balise « AU » hors d’une notice : une notice commence par une ligne « TY  - »',
      },
    ]);
    expect(file.records).toHaveLength(1);
  });

  it('never assumes a language the file does not state', () => {
    expect(zotero[1]?.notice?.langue).toBeUndefined();
    expect(zotero[0]?.notice?.langue).toBe('en');
  });
});

describe('BibTeX and BibLaTeX as written by hand and by exporters', () => {
  const quirks = read('quirks.bib').records;

  it('expands @string, skips @preamble and @comment, reads TeX accents as precomposed characters', () => {
    const notice = quirks[0]?.notice as Record<string, unknown>;
    expect(notice.auteurs).toEqual([
      { nom: 'García', prenom: 'María' },
      { nom: 'Maître', prenom: 'Anaïs' },
    ]);
    const names = JSON.stringify(notice.auteurs);
    expect(names).toBe(names.normalize('NFC'));
    expect(names).not.toMatch(/\u0131|[\u0300-\u036f]/);
    expect(notice.editeur).toBe("Observatoire régional de la santé d'Occitanie");
  });

  it('keeps a URL as written (no percent-encoding, spaces around removed) and an ISBN with spaces', () => {
    expect(quirks[0]?.notice).toMatchObject({
      url: 'https://exemple.org/garcía/santé_communautaire%20v2',
      isbn: '978-2-8109-0471-0',
    });
    expect(read('mendeley.bib').records[0]?.notice?.url).toBe('http://www.example.org/article_2020%20final');
  });

  it('reports a brace never closed on the line of its field, and reads the entries after it', () => {
    expect(quirks[1]).toEqual({
      ligne: 16,
      erreur:
        'champ « title » : accolade jamais refermée (la valeur englobe les champs suivants) (notice commencée ligne 15)',
    });
    expect(quirks[2]?.notice?.titre).toBe('Une notice qui suit la notice cassée');
  });

  it('inherits through crossref: the book’s title becomes the chapter’s container', () => {
    expect(read('jabref.bib').records[1]?.notice).toMatchObject({
      type: 'chapitre',
      conteneur: { titre: 'Dynamiques territoriales de santé' },
      editeur: 'Fabrique Territoires Santé',
      pages: '12-30',
    });
  });

  it('reports an undefined @string and a field without a value', () => {
    const file = readRecords(
      Buffer.from('@book{a,\n  title = {Titre},\n  publisher = inconnu,\n}\n@book{b,\n  title = ,\n}\n'),
      'bibtex',
    );
    expect(file.records.map((r) => [r.ligne, r.error])).toEqual([
      [
        3,
        '« inconnu » n’est pas défini par un @string (valeur entre accolades ?) (notice commencée ligne 1)',
      ],
      [6, 'valeur manquante pour le champ « title » (notice commencée ligne 5)'],
    ]);
  });
});
