import { describe, expect, it } from 'vitest';
import {
  addEntry,
  addSection,
  canNestUnder,
  moveEntry,
  moveEntryTo,
  moveSection,
  removeEntry,
  removeSection,
  sectionAt,
  sectionFieldPath,
  sectionNumber,
  updateEntry,
  walkSections,
} from '../../src/domain/resources/selection-tree.ts';

interface S {
  titre: string;
  notices: string[];
  sections: S[];
}
const s = (titre: string, notices: string[] = [], sections: S[] = []): S => ({ titre, notices, sections });

const tree = (): S[] => [s('A', ['a1', 'a2'], [s('A1'), s('A2', ['x'])]), s('B', ['b1'])];
const titles = (list: S[]) => walkSections(list).map((w) => `${sectionNumber(w.path)} ${w.section.titre}`);

describe('selection tree editing', () => {
  it('numbers and addresses sections like the document', () => {
    expect(titles(tree())).toEqual(['1 A', '1.1 A1', '1.2 A2', '2 B']);
    expect(sectionFieldPath([0, 1])).toBe('sections.0.sections.1');
    expect(sectionAt(tree(), [0, 1])?.titre).toBe('A2');
    expect(sectionAt(tree(), [3])).toBeUndefined();
  });

  it('adds sections at the root and below, up to four levels', () => {
    const original = tree();
    const added = addSection(original, [0, 1], s('A2a'));
    expect(added.path).toEqual([0, 1, 0]);
    expect(titles(added.sections)).toContain('1.2.1 A2a');
    expect(titles(original)).not.toContain('1.2.1 A2a'); // never mutated
    const root = addSection(original, [], s('C'));
    expect(root.path).toEqual([2]);
    expect(canNestUnder([0, 0, 0])).toBe(true);
    expect(canNestUnder([0, 0, 0, 0])).toBe(false);
    const deep = addSection(
      addSection(added.sections, [0, 1, 0], s('A2a-i')).sections,
      [0, 1, 0, 0],
      s('trop'),
    );
    expect(titles(deep.sections)).not.toContain('1.2.1.1.1 trop');
  });

  it('moves a section among its siblings and reports where it went', () => {
    const down = moveSection(tree(), [0, 0], 1);
    expect(down.path).toEqual([0, 1]);
    expect(titles(down.sections)).toEqual(['1 A', '1.1 A2', '1.2 A1', '2 B']);
    const stuck = moveSection(tree(), [1], 1);
    expect(stuck.path).toEqual([1]);
    expect(titles(stuck.sections)).toEqual(titles(tree()));
    const up = moveSection(tree(), [1], -1);
    expect(titles(up.sections)).toEqual(['1 B', '2 A', '2.1 A1', '2.2 A2']);
  });

  it('removes a section with what it holds', () => {
    expect(titles(removeSection(tree(), [0, 0]))).toEqual(['1 A', '1.1 A2', '2 B']);
    expect(titles(removeSection(tree(), [0]))).toEqual(['1 B']);
  });

  it('adds, edits, moves and removes the notices of a section', () => {
    let t = addEntry(tree(), [0, 1], 'y');
    expect(sectionAt(t, [0, 1])?.notices).toEqual(['x', 'y']);
    t = moveEntry(t, [0, 1], 1, -1);
    expect(sectionAt(t, [0, 1])?.notices).toEqual(['y', 'x']);
    expect(sectionAt(moveEntry(t, [0, 1], 0, -1), [0, 1])?.notices).toEqual(['y', 'x']);
    t = updateEntry(t, [0], 1, (e) => `${e}!`);
    expect(sectionAt(t, [0])?.notices).toEqual(['a1', 'a2!']);
    t = removeEntry(t, [0], 0);
    expect(sectionAt(t, [0])?.notices).toEqual(['a2!']);
    expect(sectionAt(tree(), [0])?.notices).toEqual(['a1', 'a2']);
  });

  it('moves a notice to the end of another section', () => {
    const t = moveEntryTo(tree(), [0], 0, [1]);
    expect(sectionAt(t, [0])?.notices).toEqual(['a2']);
    expect(sectionAt(t, [1])?.notices).toEqual(['b1', 'a1']);
    expect(moveEntryTo(tree(), [0], 0, [0])).toEqual(tree());
    expect(moveEntryTo(tree(), [0], 5, [1])).toEqual(tree());
    expect(moveEntryTo(tree(), [0], 0, [7])).toEqual(tree());
  });
});
