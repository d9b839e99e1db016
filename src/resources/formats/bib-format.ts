import type { CslItem } from '../../domain/resources/csl-mapping.ts';

/** A bibliographic file format read and written through CSL-JSON items. */
export interface ParsedRecord {
  /** Where the record starts: line of the file (RIS, BibTeX) or rank in the list (CSL-JSON). */
  ligne: number;
  item?: CslItem;
  error?: string;
  /** Line of each notice field in the file, where the format knows it: problems are reported there. */
  lines?: Record<string, number>;
  /** A problem found outside any record (text before the first one…): not a record of its own. */
  outside?: true;
}

export interface BibFormat {
  parse(text: string): ParsedRecord[];
  /** `custom.odts` of each item (the complement) is written in the format's own way. */
  format(items: CslItem[]): string;
}

export const stripBom = (text: string) => text.replace(/^\uFEFF/, '');

export function complementOf(item: CslItem): Record<string, unknown> | null {
  const c = item.custom?.odts;
  return c && typeof c === 'object' && Object.keys(c).length > 0 ? (c as Record<string, unknown>) : null;
}

export function withoutCustom(item: CslItem): CslItem {
  const { custom: _custom, ...rest } = item;
  return rest as CslItem;
}

/** The complement as written in a file, or null when the value is someone else's free text. */
export function readComplement(value: string | undefined): Record<string, unknown> | null {
  if (!value?.trim().startsWith('{')) return null;
  try {
    const parsed: unknown = JSON.parse(value);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

export const errorMessage = (e: unknown) => (e instanceof Error ? e.message : String(e));
