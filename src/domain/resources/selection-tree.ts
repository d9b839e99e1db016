import { MAX_SECTION_DEPTH } from './selection-constants.ts';

/**
 * Editing a sélection's tree of sections without mutating it: the composer's operations, shared so that
 * they are tested once. A section is addressed by its path of indexes ([1, 0] is section "2.1").
 * Works on any section shape that nests `sections` and lists `notices` (the web draft adds keys).
 */
export interface TreeSection<E> {
  notices: E[];
  sections: TreeSection<E>[];
}

export type SectionPath = readonly number[];

/** "2.1" for [1, 0]. */
export const sectionNumber = (path: SectionPath) => path.map((i) => i + 1).join('.');

/** The field path the API uses for a section: [1, 0] → "sections.1.sections.0". */
export const sectionFieldPath = (path: SectionPath) => path.map((i) => `sections.${i}`).join('.');

export function sectionAt<S extends TreeSection<unknown>>(sections: S[], path: SectionPath): S | undefined {
  let list: S[] = sections;
  let found: S | undefined;
  for (const i of path) {
    found = list[i];
    if (!found) return undefined;
    list = found.sections as S[];
  }
  return found;
}

/** `sections` with the section at `path` replaced by `update(section)`; unchanged when no such section. */
export function updateSection<S extends TreeSection<unknown>>(
  sections: S[],
  path: SectionPath,
  update: (s: S) => S,
): S[] {
  const [head, ...rest] = path;
  if (head === undefined) return sections;
  return sections.map((s, i) => {
    if (i !== head) return s;
    return rest.length === 0 ? update(s) : { ...s, sections: updateSection(s.sections as S[], rest, update) };
  });
}

/** Applies `change` to the list of sections holding `path` (the root list for a top-level section). */
function updateSiblings<S extends TreeSection<unknown>>(
  sections: S[],
  path: SectionPath,
  change: (siblings: S[], index: number) => S[],
): S[] {
  const index = path.at(-1);
  if (index === undefined) return sections;
  const parent = path.slice(0, -1);
  if (parent.length === 0) return change(sections, index);
  return updateSection(sections, parent, (p) => ({ ...p, sections: change(p.sections as S[], index) }));
}

/** Whether a subsection may be added under `path` (sections nest {@link MAX_SECTION_DEPTH} levels). */
export const canNestUnder = (path: SectionPath) => path.length < MAX_SECTION_DEPTH;

/** Appends `section` under `parent` (the root list when `parent` is empty); returns the new path. */
export function addSection<S extends TreeSection<unknown>>(
  sections: S[],
  parent: SectionPath,
  section: S,
): { sections: S[]; path: number[] } {
  if (parent.length === 0) return { sections: [...sections, section], path: [sections.length] };
  if (!canNestUnder(parent)) return { sections, path: [...parent] };
  const count = sectionAt(sections, parent)?.sections.length ?? 0;
  return {
    sections: updateSection(sections, parent, (p) => ({ ...p, sections: [...p.sections, section] })),
    path: [...parent, count],
  };
}

export function removeSection<S extends TreeSection<unknown>>(sections: S[], path: SectionPath): S[] {
  return updateSiblings(sections, path, (list, i) => list.filter((_, j) => j !== i));
}

function swap<T>(list: T[], i: number, j: number): T[] {
  if (i < 0 || j < 0 || i >= list.length || j >= list.length) return list;
  const out = [...list];
  [out[i], out[j]] = [out[j] as T, out[i] as T];
  return out;
}

/** Moves a section among its siblings (-1 up, +1 down); returns its new path (the same at an end). */
export function moveSection<S extends TreeSection<unknown>>(
  sections: S[],
  path: SectionPath,
  delta: -1 | 1,
): { sections: S[]; path: number[] } {
  const index = path.at(-1);
  if (index === undefined) return { sections, path: [] };
  let moved = false;
  const next = updateSiblings(sections, path, (list, i) => {
    const out = swap(list, i, i + delta);
    moved = out !== list;
    return out;
  });
  return { sections: next, path: moved ? [...path.slice(0, -1), index + delta] : [...path] };
}

export function addEntry<E, S extends TreeSection<E>>(sections: S[], path: SectionPath, entry: E): S[] {
  return updateSection(sections, path, (s) => ({ ...s, notices: [...s.notices, entry] }));
}

export function updateEntry<E, S extends TreeSection<E>>(
  sections: S[],
  path: SectionPath,
  index: number,
  update: (e: E) => E,
): S[] {
  return updateSection(sections, path, (s) => ({
    ...s,
    notices: s.notices.map((e, i) => (i === index ? update(e) : e)),
  }));
}

export function removeEntry<E, S extends TreeSection<E>>(
  sections: S[],
  path: SectionPath,
  index: number,
): S[] {
  return updateSection(sections, path, (s) => ({ ...s, notices: s.notices.filter((_, i) => i !== index) }));
}

export function moveEntry<E, S extends TreeSection<E>>(
  sections: S[],
  path: SectionPath,
  index: number,
  delta: -1 | 1,
): S[] {
  return updateSection(sections, path, (s) => ({ ...s, notices: swap(s.notices, index, index + delta) }));
}

/** Moves a notice to the end of another section; unchanged when either place does not exist. */
export function moveEntryTo<E, S extends TreeSection<E>>(
  sections: S[],
  from: SectionPath,
  index: number,
  to: SectionPath,
): S[] {
  const entry = sectionAt(sections, from)?.notices[index];
  if (entry === undefined || !sectionAt(sections, to)) return sections;
  if (from.length === to.length && from.every((i, k) => i === to[k])) return sections;
  return addEntry<E, S>(removeEntry<E, S>(sections, from, index), to, entry);
}

/** Every section with its path, depth first (the order of the table of contents). */
export function walkSections<S extends TreeSection<unknown>>(
  sections: S[],
  parent: number[] = [],
): { path: number[]; section: S }[] {
  return sections.flatMap((section, i) => {
    const path = [...parent, i];
    return [{ path, section }, ...walkSections(section.sections as S[], path)];
  });
}
