import type { Plugin, Rolldown } from 'vite';

type OutputChunk = Rolldown.OutputChunk;

/** The modules of the map page, by the end of their source path. */
const MAP_MODULES = ['/src/pages/map/MapPage.tsx', '/src/pages/map/MapView.tsx'];

/**
 * On the map's own address, its code (MapLibre: a megabyte of JavaScript) is requested by a line of
 * index.html, without waiting for the application to start and choose the page: the map was drawn
 * about a quarter of a second later when the request waited for the router. Other pages load nothing
 * more, so the initial JavaScript of the site is unchanged.
 */
export function mapPreloadPlugin(): Plugin {
  return {
    name: 'odts-map-preload',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const bundle = ctx.bundle;
        if (!bundle) return [];
        const chunks = new Map<string, OutputChunk>();
        for (const file of Object.values(bundle)) if (file.type === 'chunk') chunks.set(file.fileName, file);
        // The map's chunks and every chunk they import statically: each import found only once its
        // importer was parsed cost a round trip (half a second while the server answers the map's data).
        const wanted: string[] = [];
        for (const file of chunks.values()) {
          const id = file.facadeModuleId?.replaceAll('\\', '/');
          if (id && MAP_MODULES.some((m) => id.endsWith(m))) wanted.push(file.fileName);
        }
        const seen = new Set<string>();
        const scripts: string[] = [];
        const styles: string[] = [];
        while (wanted.length > 0) {
          const name = wanted.shift() as string;
          const file = chunks.get(name);
          if (!file || seen.has(name)) continue;
          seen.add(name);
          // The entry chunk is loaded by index.html itself.
          if (file.isEntry) continue;
          scripts.push(`/${file.fileName}`);
          for (const css of file.viteMetadata?.importedCss ?? []) styles.push(`/${css}`);
          wanted.push(...file.imports);
        }
        if (scripts.length === 0) return [];
        const links = [
          ...scripts.map((href) => ['modulepreload', href]),
          ...styles.map((href) => ['preload', href, 'style']),
        ];
        return [
          {
            tag: 'script',
            injectTo: 'head',
            children:
              `if (/^\\/carte\\/?$/.test(location.pathname)) for (const [rel, href, as] of ${JSON.stringify(links)}) {` +
              ` const l = document.createElement('link'); l.rel = rel; l.href = href; if (as) l.as = as;` +
              ` document.head.appendChild(l); }`,
          },
        ];
      },
    },
  };
}
