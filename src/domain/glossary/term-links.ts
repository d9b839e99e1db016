import { foldText } from '../text/normalize.ts';

/**
 * Marks the acronyms and terms of the glossary in a French text, so that a renderer (HTML report, web
 * client) can link each one to its entry. Pure: the glossary entries are given.
 */
export interface LinkableTerm {
  cle: string;
  sigle: string | null;
  /** Expanded form and its variants, as written in the glossary. */
  formes: readonly string[];
}

/** A piece of the text; `terme` is the glossary key when the piece names an entry. */
export interface TextSegment {
  texte: string;
  terme?: string;
}

interface Word {
  start: number;
  end: number;
  raw: string;
  key: string;
}

const WORD = /[\p{L}\p{N}]+/gu;

/**
 * A folded word compared without its plural mark: "locaux" = "local", "centres" = "centre".
 * Applied to the text and to the glossary alike.
 */
function comparable(folded: string): string {
  if (folded.length > 4 && folded.endsWith('aux')) return `${folded.slice(0, -3)}al`;
  if (folded.length > 3 && /[sx]$/.test(folded)) return folded.slice(0, -1);
  return folded;
}

function words(text: string): Word[] {
  return [...text.matchAll(WORD)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    raw: m[0],
    key: comparable(foldText(m[0])),
  }));
}

function formKeys(form: string): string[] {
  return words(form).map((w) => w.key);
}

export class TermLinker {
  /** Forms by their first word, longest first. */
  private readonly forms = new Map<string, { keys: string[]; cle: string }[]>();
  /** Acronyms as written ("CdS") and in capitals ("CDS"): matched case-sensitively, as whole words. */
  private readonly sigles = new Map<string, string>();

  constructor(terms: readonly LinkableTerm[]) {
    for (const t of terms) {
      if (t.sigle) {
        this.sigles.set(t.sigle, t.cle);
        if (!this.sigles.has(t.sigle.toUpperCase())) this.sigles.set(t.sigle.toUpperCase(), t.cle);
      }
      for (const form of t.formes) {
        const keys = formKeys(form);
        const first = keys[0];
        if (!first) continue;
        const list = this.forms.get(first) ?? [];
        list.push({ keys, cle: t.cle });
        this.forms.set(first, list);
      }
    }
    for (const list of this.forms.values()) list.sort((a, b) => b.keys.length - a.keys.length);
  }

  /** The text cut into segments; concatenating their `texte` gives the text back unchanged. */
  segments(text: string): TextSegment[] {
    const ws = words(text);
    const out: TextSegment[] = [];
    let cursor = 0;
    const emit = (start: number, end: number, cle: string) => {
      if (start > cursor) out.push({ texte: text.slice(cursor, start) });
      out.push({ texte: text.slice(start, end), terme: cle });
      cursor = end;
    };
    for (let i = 0; i < ws.length; ) {
      const w = ws[i] as Word;
      const form = this.forms
        .get(w.key)
        ?.find(
          (f) => f.keys.every((k, j) => ws[i + j]?.key === k) && this.contiguous(text, ws, i, f.keys.length),
        );
      if (form) {
        emit(w.start, (ws[i + form.keys.length - 1] as Word).end, form.cle);
        i += form.keys.length;
        continue;
      }
      const sigle = this.sigles.get(w.raw);
      if (sigle) emit(w.start, w.end, sigle);
      i += 1;
    }
    if (cursor < text.length || out.length === 0) out.push({ texte: text.slice(cursor) });
    return out;
  }

  /** The keys of the entries a text mentions, in order of first mention. */
  mentions(text: string): string[] {
    return [...new Set(this.segments(text).flatMap((s) => (s.terme ? [s.terme] : [])))];
  }

  /**
   * A form spans several words only within one sentence piece: the words must be separated by spaces,
   * apostrophes or hyphens, not by punctuation ("santé. Ville" is not "santé ville").
   */
  private contiguous(text: string, ws: Word[], i: number, n: number): boolean {
    for (let j = i; j < i + n - 1; j++) {
      const gap = text.slice((ws[j] as Word).end, (ws[j + 1] as Word).start);
      if (!/^[\s'’‑-]*$/u.test(gap)) return false;
    }
    return true;
  }
}

/** One-off form of `TermLinker.segments`. */
export function linkTerms(text: string, terms: readonly LinkableTerm[]): TextSegment[] {
  return new TermLinker(terms).segments(text);
}
