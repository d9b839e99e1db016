import { describe, expect, it } from 'vitest';
import { anchorPages } from '../../src/kernel/documents/pdf-anchor-pages.ts';

/** The objects Chromium writes, reduced to what is read: catalogue, nested page tree, named destinations. */
const pdf = (dests: string) =>
  Buffer.from(
    [
      '%PDF-1.4',
      '1 0 obj\n<</Type /Catalog\n/Pages 10 0 R\n/Dests 20 0 R>>\nendobj',
      '10 0 obj\n<</Type /Pages\n/Count 3\n/Kids [11 0 R 5 0 R]>>\nendobj',
      '11 0 obj\n<</Type /Pages\n/Count 2\n/Kids [7 0 R 3 0 R]\n/Parent 10 0 R>>\nendobj',
      '7 0 obj\n<</Type /Page\n/Parent 11 0 R>>\nendobj',
      '3 0 obj\n<</Type /Page\n/Parent 11 0 R>>\nendobj',
      '5 0 obj\n<</Type /Page\n/Parent 10 0 R>>\nendobj',
      '8 0 obj\n<</Length 12>>\nstream\n/Type /Page x\nendstream\nendobj',
      `20 0 obj\n${dests}\nendobj`,
    ].join('\n'),
    'latin1',
  );

describe('pages of the named destinations of a PDF', () => {
  it('follows the page tree in reading order, whatever the object numbers', () => {
    const pages = anchorPages(
      pdf('<</introduction [7 0 R /XYZ 6 700 0]\n/s-2 [5 0 R /XYZ 6 560 0]\n/s-1 [3 0 R /XYZ 6 80 0]>>'),
    );
    expect(Object.fromEntries(pages)).toEqual({ introduction: 1, 's-1': 2, 's-2': 3 });
  });

  it('decodes escaped names, and answers nothing for a file it cannot read', () => {
    expect(anchorPages(pdf('<</glossaire#C3#A9 [5 0 R /XYZ 6 560 0]>>')).get('glossaireé')).toBe(3);
    expect(anchorPages(Buffer.from('pas un PDF')).size).toBe(0);
  });
});
