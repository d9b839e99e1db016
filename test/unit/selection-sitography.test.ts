import { describe, expect, it } from 'vitest';
import { noticeToCsl } from '../../src/domain/resources/csl-mapping.ts';
import { type NoticeInput, noticeInput } from '../../src/domain/resources/schemas.ts';
import { buildSelectionDocument } from '../../src/domain/resources/selection-document.ts';
import { selectionInput } from '../../src/domain/resources/selection-schemas.ts';
import { formatReferences } from '../../src/resources/formats/documentalist-style.ts';

const site = noticeInput.parse({
  type: 'page_web',
  titre: 'Portail des contrats locaux de santé',
  url: 'https://cls.example.org/',
  consulteLe: '2021-03-04',
});
const notices = new Map<string, NoticeInput>([['site', site]]);

describe('a sitography entry dates its own consultation', () => {
  it('prints the entry’s date instead of the notice’s, everywhere the notice is cited', () => {
    const selection = selectionInput.parse({
      titre: 'Sélection',
      sections: [
        { titre: 'Textes', notices: [{ notice: 'site' }] },
        { titre: 'Sitographie', sitographie: true, notices: [{ notice: 'site', consulteLe: '2024-05-01' }] },
      ],
    });
    const doc = buildSelectionDocument(selection, notices);
    expect(doc.references[0]?.notice.consulteLe).toBe('2024-05-01');
    const refs = formatReferences(doc.references.map((r) => noticeToCsl(r.noticeId, r.notice)));
    expect(refs.get('site')?.text).toContain('consulté le 1er mai 2024');
    // The notice itself is left as it is.
    expect(notices.get('site')?.consulteLe).toBe('2021-03-04');
  });

  it('without one, the notice’s date; a malformed date is refused on its field', () => {
    const plain = selectionInput.parse({
      titre: 'Sélection',
      sections: [{ titre: 'Sitographie', sitographie: true, notices: [{ notice: 'site' }] }],
    });
    expect(plain.sections[0]?.notices[0]?.consulteLe).toBeNull();
    expect(buildSelectionDocument(plain, notices).references[0]?.notice.consulteLe).toBe('2021-03-04');
    const bad = selectionInput.safeParse({
      titre: 'Sélection',
      sections: [{ titre: 'Sitographie', notices: [{ notice: 'site', consulteLe: '01/05/2024' }] }],
    });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(['sections', 0, 'notices', 0, 'consulteLe']);
  });
});
