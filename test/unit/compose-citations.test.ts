import { describe, expect, it } from 'vitest';
import {
  citationNames,
  shortReference,
  showCitations,
  storeCitations,
} from '../../web/src/pages/compose/citations.ts';

const names = citationNames(
  new Map([
    ['a1b2', { titre: 'Bilan national des contrats locaux de santé : dix ans après', date: '2022-05' }],
    ['c3d4', { titre: 'Guide du CLS', date: '2019' }],
    ['e5f6', { titre: 'Guide du CLS', date: '2019-10' }],
    ['g7h8', { titre: 'Portail des CLS', date: null }],
  ]),
);

describe('citations shown as short references while composing', () => {
  it('names each notice by a short title and its year, never by its identifier', () => {
    expect(
      shortReference({ titre: 'Les ateliers santé ville vingt ans après en France', date: '2021' }),
    ).toBe('Les ateliers santé ville vingt…, 2021');
    expect([...names.values()]).toEqual([
      'Bilan national des contrats locaux…, 2022',
      'Guide du CLS, 2019',
      'Guide du CLS, 2019 (2)',
      'Portail des CLS',
    ]);
  });

  it('shows stored markers as names and stores typed names as identifiers, both ways', () => {
    const stored = 'Le bilan [[a1b2]] et les guides [[c3d4, e5f6]] ; voir [[g7h8]].';
    const shown = showCitations(stored, names);
    expect(shown).toBe(
      'Le bilan [[Bilan national des contrats locaux…, 2022]] et les guides [[Guide du CLS, 2019 ; Guide du CLS, 2019 (2)]] ; voir [[Portail des CLS]].',
    );
    expect(shown).not.toMatch(/a1b2|c3d4|e5f6|g7h8/);
    expect(storeCitations(shown, names)).toBe(stored);
    expect(storeCitations('[[portail des cls]]', names)).toBe('[[g7h8]]');
  });

  it('leaves a marker it cannot read as typed, so that typing is never rewritten under the cursor', () => {
    expect(storeCitations('[[Guide du CL', names)).toBe('[[Guide du CL');
    expect(storeCitations('[[Guide du, 20]]', names)).toBe('[[Guide du, 20]]');
    expect(showCitations('[[Guide du, 20]]', names)).toBe('[[Guide du, 20]]');
    expect(showCitations('[[inconnue]]', names)).toBe('[[inconnue]]');
  });
});
