import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { dsfrIconsPlugin } from './build/dsfr-icons.ts';
import { mapPreloadPlugin } from './build/map-preload.ts';

const webDir = path.dirname(fileURLToPath(import.meta.url));
const rootDir = path.resolve(webDir, '..');

export default defineConfig({
  root: webDir,
  base: '/',
  publicDir: false,
  // ODTS_FOND_DE_CARTE (optional raster basemap) is read at build time.
  envPrefix: ['VITE_', 'ODTS_FOND_DE_CARTE'],
  plugins: [react(), dsfrIconsPlugin(path.join(webDir, 'src')), mapPreloadPlugin()],
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
