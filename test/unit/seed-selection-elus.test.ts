import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CRITERIA } from '../../src/domain/cycle/criteria.ts';

const shipped = JSON.parse(
  fs.readFileSync('data-seed/ressources/fabrique-territoires-sante-selection-elus.json', 'utf8'),
) as { selection: { sections: { titre: string; presentation?: string; notices: string[] }[] } };

describe('the shipped sélection for elected teams', () => {
  it('says in its definition section what the seven characteristics are', () => {
    const section = shipped.selection.sections.find((s) => s.titre.startsWith('Éléments de définition'));
    expect(section?.notices).toEqual([]);
    const text = section?.presentation?.toLowerCase() ?? '';
    for (const c of CRITERIA) expect(text).toContain(`elle est ${c.libelle.toLowerCase()}`);
  });
});
