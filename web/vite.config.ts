import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { dsfrIconsPlugin } from './build/dsfr-icons.ts';
import { mapPreloadPlugin } from './build/map-preload.ts';

const webDir = path.dirname(fileURLToPath(import.meta.url));
const rootDir = path.resolve(webDir, '..');

/**
 * The server's Content-Security-Policy allows scripts from this origin only (`script-src 'self'`): every
 * inline `<script>` of the built index.html (the theme chosen before the first paint, the map's preload)
 * becomes a small file of its own, loaded at the same place, still blocking, so it runs at the same moment.
 */
function externalInlineScripts(): Plugin {
  return {
    name: 'odts-external-inline-scripts',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const page = bundle['index.html'];
      if (!page || page.type !== 'asset') return;
      page.source = String(page.source).replace(/<script>([\s\S]*?)<\/script>/g, (_all, code: string) => {
        const fileName = `assets/inline-${createHash('sha256').update(code).digest('hex').slice(0, 12)}.js`;
        this.emitFile({ type: 'asset', fileName, source: code });
        return `<script src="/${fileName}"></script>`;
      });
    },
  };
}

export default defineConfig({
  root: webDir,
  base: '/',
  publicDir: false,
  // ODTS_FOND_DE_CARTE (optional raster basemap) is read at build time.
  envPrefix: ['VITE_', 'ODTS_FOND_DE_CARTE'],
  plugins: [react(), dsfrIconsPlugin(path.join(webDir, 'src')), mapPreloadPlugin(), externalInlineScripts()],
  // The client shares types, labels and rules with the server through src/domain only.
  resolve: { alias: { '@domain': path.join(rootDir, 'src', 'domain') } },
  build: {
    outDir: path.join(rootDir, 'dist', 'web'),
    emptyOutDir: true,
    assetsDir: 'assets',
    chunkSizeWarningLimit: 1200,
    // Timings of plugins are noise in the start-up log.
    rolldownOptions: { checks: { bundlerTimings: false } },
  },
  server: {
    // `npm run dev:web` beside `npm start`: the API stays on the platform's port.
    proxy: { '/api': `http://localhost:${process.env.PORT ?? 3000}` },
    fs: { allow: [rootDir] },
  },
});
