import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Plugin } from 'vite';

const VIRTUAL_ID = 'virtual:dsfr-icons.css';
const RESOLVED_ID = '\0dsfr-icons.css';

/** Icons drawn by react-dsfr components themselves (display settings, links with arrows). */
const COMPONENT_ICONS = ['fr-icon-theme-fill', 'fr-icon-arrow-right-line'];

const require = createRequire(import.meta.url);

export function dsfrDir(): string {
  return path.join(path.dirname(require.resolve('@codegouvfr/react-dsfr/package.json')), 'dsfr');
}

function listFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? listFiles(full) : /\.(tsx?|css)$/.test(e.name) ? [full] : [];
  });
}

/**
 * `fr-icon-*` class names written anywhere in the application sources, and the icons the component
 * layer may draw (the quoted names of src/ui/icons.ts, given to components as `iconId="add-line"`).
 */
export function usedIcons(srcDir: string): Set<string> {
  const names = new Set(COMPONENT_ICONS);
  for (const file of listFiles(srcDir)) {
    for (const m of fs.readFileSync(file, 'utf8').matchAll(/\bfr-icon-[a-z0-9-]+/g)) names.add(m[0]);
  }
  const iconList = path.join(srcDir, 'ui', 'icons.ts');
  if (fs.existsSync(iconList)) {
    for (const m of fs.readFileSync(iconList, 'utf8').matchAll(/^\s*'([a-z0-9-]+)',$/gm))
      names.add(`fr-icon-${m[1]}`);
  }
  return names;
}

/**
 * The rules of the DSFR icon utility restricted to the icons used, each SVG inlined: the full
 * utility sheet weighs 200 kB and points at 1,500 files, the application uses a few dozen icons.
 */
export function iconsCss(srcDir: string): string {
  const dir = path.join(dsfrDir(), 'utility', 'icons');
  const sheet = fs.readFileSync(path.join(dir, 'icons.min.css'), 'utf8');
  const wanted = usedIcons(srcDir);
  const out: string[] = [];
  for (const m of sheet.matchAll(/([^{}@]+)\{([^{}]*)\}/g)) {
    const selectors = (m[1] ?? '').split(',');
    const names = selectors.map((s) => /^\.(fr-icon-[a-z0-9-]+)/.exec(s.trim())?.[1]);
    if (!names.some((n) => n && wanted.has(n))) continue;
    const body = (m[2] ?? '').replace(/url\(([^)]+)\)/g, (_all, ref: string) => {
      const svg = fs.readFileSync(path.resolve(dir, ref.replace(/["']/g, '')));
      return `url("data:image/svg+xml;base64,${svg.toString('base64')}")`;
    });
    out.push(`${m[1]}{${body}}`);
  }
  return out.join('\n');
}

/** Serves `virtual:dsfr-icons.css`, rebuilt from the sources at each build. */
export function dsfrIconsPlugin(srcDir: string): Plugin {
  return {
    name: 'odts-dsfr-icons',
    resolveId: (id) => (id === VIRTUAL_ID ? RESOLVED_ID : null),
    load: (id) => (id === RESOLVED_ID ? iconsCss(srcDir) : null),
  };
}
