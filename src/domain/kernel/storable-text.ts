import type { z } from '../zod-fr.ts';

/** Why a text cannot be kept: PostgreSQL stores neither U+0000 nor a UTF-16 half of a pair. */
export const UNSTORABLE_TEXT =
  'caractère impossible à enregistrer (caractère nul U+0000 ou demi-paire UTF-16 isolée)';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function isStorableText(text: string): boolean {
  return !text.includes('\u0000') && !LONE_SURROGATE.test(text);
}

/** The paths of every string, object key included, that the database could not store. */
export function unstorableTextPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (typeof value === 'string') return isStorableText(value) ? [] : [path];
  if (value === null || typeof value !== 'object') return [];
  const out: (string | number)[][] = [];
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      out.push(...unstorableTextPaths(item, [...path, i]));
    });
    return out;
  }
  for (const [key, item] of Object.entries(value)) {
    if (!isStorableText(key)) out.push([...path, key]);
    else out.push(...unstorableTextPaths(item, [...path, key]));
  }
  return out;
}

/**
 * A zod refinement for any input that may reach the database: every unstorable string is an issue at
 * its own path, so that the answer names the field instead of failing in SQL.
 */
export function rejectUnstorableText(value: unknown, ctx: z.core.$RefinementCtx): void {
  for (const path of unstorableTextPaths(value)) {
    ctx.addIssue({ code: 'custom', path, message: UNSTORABLE_TEXT, input: value });
  }
}
