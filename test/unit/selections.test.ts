import { describe, expect, it } from 'vitest';
import { noticeToCsl } from '../../src/domain/resources/csl-mapping.ts';
import { type NoticeInput, noticeInput } from '../../src/domain/resources/schemas.ts';
import {
  buildSelectionDocument,
  citedIds,
  hasOwnNumber,
  orderEntries,
  paragraphText,
  rewriteMarkers,
} from '../../src/domain/resources/selection-document.ts';
import { selectionInput } from '../../src/domain/resources/selection-schemas.ts';
import { formatReferences } from '../../src/resources/formats/documentalist-style.ts';
import { referenceRuns } from '../../src/resources/selections/selection-docx.ts';
import { richNotices } from '../factories/notices.ts';

const notice = (titre: string, date: string | null, extra: Record<string, unknown> = {}): NoticeInput =>
  noticeInput.parse({ type: 'rapport', titre, date, ...extra });

const notices = new Map<string, NoticeInput>([
  ['old', notice('Ancien', '2010')],
  ['mid', notice('Milieu', '2018-06')],
  ['new', notice('Récent', '2023-01-15')],
  ['undated', notice('Sans date', null)],
  ['web', notice('Site', null, { type: 'page_web' })],
]);
const entry = (id: string, commentaire?: string) => ({ notice: id, commentaire });

describe('ordering', () => {
  const list = ['mid', 'undated', 'old', 'new'].map((id) => ({ id, notice: notices.get(id) as NoticeInput }));
  it('is ante-chronological by default, undated last', () => {
    const s = selectionInput.parse({
      titre: 'T',
      sections: [{ titre: 'A', notices: list.map((l) => entry(l.id)) }],
    });
    expect(s.sections[0]?.ordre).toBe('antechronologique');
    const doc = buildSelectionDocument(s, notices);
    expect(doc.sections[0]?.entries.map((e) => e.noticeId)).toEqual(['new', 'mid', 'old', 'undated']);
  });
  it('chronological, alphabetical and manual orders', () => {
    expect(orderEntries(list, 'chronologique').map((e) => e.id)).toEqual(['old', 'mid', 'new', 'undated']);
    expect(orderEntries(list, 'alphabetique').map((e) => e.id)).toEqual(['old', 'mid', 'new', 'undated']);
    expect(orderEntries(list, 'manuel').map((e) => e.id)).toEqual(['mid', 'undated', 'old', 'new']);
  });
});

describe('numbering', () => {
  const s = selectionInput.parse({
    titre: 'Sélection',
    introduction: 'Voir [[old]] et [[new, web]].\nSuite sans citation, [[inconnue]] reste telle quelle.',
    sections: [
      {
        titre: 'Premier',
        notices: [entry('old'), entry('new', 'Lire [[old]] d’abord.')],
        sections: [{ titre: 'Sous-partie', notices: [entry('mid')] }],
      },
      {
        titre: '2. Déjà numéroté',
        ordre: 'manuel',
        notices: [entry('old'), entry('web'), entry('supprimee')],
      },
    ],
    glossaire: [
      { sigle: 'CLS', forme: 'contrat local de santé' },
      { sigle: 'ASV', forme: 'atelier santé ville' },
    ],
  });
  const doc = buildSelectionDocument(s, notices);

  it('numbers notices in reading order, once each; a deleted notice is left out', () => {
    expect(doc.references.map((r) => [r.numero, r.noticeId])).toEqual([
      [1, 'new'],
      [2, 'old'],
      [3, 'mid'],
      [4, 'web'],
    ]);
    const second = doc.sections[1]?.entries ?? [];
    expect(second.map((e) => [e.numero, e.repetition])).toEqual([
      [2, true],
      [4, false],
    ]);
  });

  it('numbers sections unless the title carries its own number', () => {
    expect(doc.sommaire.map((l) => l.libelle)).toEqual([
      '1. Premier',
      '1.1 Sous-partie',
      '2. Déjà numéroté',
      'Annexe : glossaire',
    ]);
    expect(hasOwnNumber('IV – Outils')).toBe(true);
    expect(hasOwnNumber('2020 en chiffres')).toBe(false);
    expect(hasOwnNumber('CV et santé')).toBe(false);
    expect(hasOwnNumber('1.2 Guides')).toBe(true);
    expect(doc.glossaire.map((g) => g.sigle)).toEqual(['ASV', 'CLS']);
  });

  it('renders citation markers as the cited numbers', () => {
    expect(doc.introduction.map(paragraphText)).toEqual([
      'Voir (2) et (1, 4).',
      'Suite sans citation, [[inconnue]] reste telle quelle.',
    ]);
    expect(paragraphText(doc.sections[0]?.entries[0]?.commentaire[0] ?? [])).toBe('Lire (2) d’abord.');
    expect(citedIds('a [[x]] b [[y; z]]')).toEqual(['x', 'y', 'z']);
    expect(rewriteMarkers('voir [[cle-a, cle-b]]', (k) => ({ 'cle-a': 'id1' })[k])).toBe(
      'voir [[id1, cle-b]]',
    );
  });
});

describe('documentalist CSL style', () => {
  const rich = richNotices('M');
  const refs = formatReferences(rich.map((n, i) => noticeToCsl(`n${i}`, n)));
  // French typography puts no-break spaces before colons and inside particles.
  const text = (i: number) => refs.get(`n${i}`)?.text.replace(/[\u00a0\u202f]/g, ' ');

  it('article: upper-case surnames, journal, year, volume, issue, pages', () => {
    expect(text(0)).toBe(
      'LE GOFF Anne-Sophie, DE LA FONTAINE Jean. M Les contrats locaux de santé : bilan d’une décennie. ' +
        'Santé publique, 2019, vol. 31, n° 2, p. 123‑135. DOI : 10.3917/m.192.0123.',
    );
    expect(refs.get('n0')?.html).toContain('<i>Santé publique</i>');
  });
  it('report: place, publisher, year, extent, address and consultation date', () => {
    expect(text(1)).toBe(
      'OBSERVATOIRE RÉGIONAL DE LA SANTÉ, PROVENCE-ALPES-CÔTE D’AZUR. M Inégalités sociales de santé dans les ' +
        'quartiers prioritaires. Marseille : ORS PACA, 2021, 86 p. https://doc.example.org/M/rapport (consulté le 5 janvier 2024).',
    );
  });
  it('chapter, official text and web page', () => {
    expect(text(3)).toContain(
      'In MARTIN Paul (dir.). Promotion de la santé et territoires. Rennes : Presses de l’EHESP, 2016, p. 45',
    );
    expect(text(5)).toContain('Journal officiel de la République française, 5 novembre 2019.');
    expect(text(6)).toContain('M Carte des CLSM [en ligne]. Ressources CLSM, 2023.');
    expect(text(6)).toContain('(consulté le 1er mai 2024)');
  });
  it('DOCX runs keep the italics of the formatted reference', () => {
    const runs = referenceRuns('A. <i>Revue &#38; co</i>, 2019.');
    expect(runs).toHaveLength(3);
  });
});
