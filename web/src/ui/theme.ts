/**
 * The look chosen by the operator (ODTS_THEME), read once from `<html data-theme>`, which the server
 * writes into the page it serves. Components ask for their class names through `cls` so that pages never
 * name a theme's classes: the neutral theme styles `ui-*` classes (themes/neutre), the State theme
 * reuses the DSFR's own `fr-*` classes (themes/dsfr), both with the same structure.
 */
import type { IconName } from './icons.ts';

export type ThemeName = 'neutre' | 'dsfr';

function readTheme(): ThemeName {
  if (typeof document === 'undefined') return 'neutre';
  return document.documentElement.dataset.theme === 'dsfr' ? 'dsfr' : 'neutre';
}

const THEME: ThemeName = readTheme();

export function currentTheme(): ThemeName {
  return THEME;
}

const PREFIX = THEME === 'dsfr' ? 'fr-' : 'ui-';

/** `cls('btn', 'btn--sm', false, 'odts-x')`: theme classes for the first names, others kept as they are. */
export function cls(...names: (string | false | null | undefined)[]): string {
  return names
    .filter((n): n is string => Boolean(n))
    .map((n) => (n.startsWith('odts-') || n.startsWith('u-') || n.startsWith(' ') ? n.trim() : PREFIX + n))
    .join(' ');
}

/** Joins class names, leaving out the empty ones. */
export function join(...names: (string | false | null | undefined)[]): string | undefined {
  const out = names.filter(Boolean).join(' ');
  return out === '' ? undefined : out;
}

export function iconClass(icon: IconName | undefined): string | undefined {
  return icon ? cls(`icon-${icon}`) : undefined;
}
