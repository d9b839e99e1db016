/**
 * A RIS file cut into records of tags, each value with the line it was read on. Tolerant of what
 * exporters vary on (one or two spaces before the dash, no space after it, a BOM, Windows line ends,
 * values continued on the following lines); only what loses data is reported.
 */

export interface RisValue {
  value: string;
  line: number;
}

export interface RisRecord {
  /** Line of the `TY` tag. */
  line: number;
  type: string;
  tags: Map<string, RisValue[]>;
}

export interface RisProblem {
  line: number;
  message: string;
}

/** `TAG  - value`, with one or two spaces (EndNote writes one) and an optional space after the dash. */
const TAG_LINE = /^([A-Z][A-Z0-9]) {1,2}-(?: (.*)|$)/;

export function readRisLines(text: string): { records: RisRecord[]; problems: RisProblem[] } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const records: RisRecord[] = [];
  const problems: RisProblem[] = [];
  let current: RisRecord | null = null;
  let last: RisValue | null = null;
  let strayLine: number | null = null;

  lines.forEach((raw, i) => {
    const line = i + 1;
    const text = raw.replace(/\s+$/, '');
    const m = TAG_LINE.exec(text.trimStart());
    if (!m) {
      if (text.trim() === '') return;
      // A line with no tag continues the value above it (long abstracts and titles are wrapped).
      if (current && last) last.value = `${last.value} ${text.trim()}`.trim();
      else strayLine ??= line;
      return;
    }
    const tag = m[1] as string;
    const value = (m[2] ?? '').trim();
    if (tag === 'TY') {
      if (current) records.push(current);
      current = { line, type: value.toUpperCase(), tags: new Map() };
      last = null;
      if (!value) problems.push({ line, message: 'type de notice manquant après « TY  - »' });
      return;
    }
    if (!current) {
      problems.push({
        line,
        message: `balise « ${tag} » hors d’une notice : une notice commence par une ligne « TY  - »`,
      });
      return;
    }
    if (tag === 'ER') {
      records.push(current);
      current = null;
      last = null;
      return;
    }
    const entry = { value, line };
    const list = current.tags.get(tag);
    if (list) list.push(entry);
    else current.tags.set(tag, [entry]);
    last = entry;
  });
  if (current) records.push(current);
  if (records.length === 0 && problems.length === 0 && strayLine !== null) {
    problems.push({ line: strayLine, message: 'aucune notice RIS : aucune ligne « TY  - » dans ce fichier' });
  }
  return { records, problems };
}
