import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';

const alias = { '@core': resolve(import.meta.dirname, 'src/core') };

/**
 * The dev server's React refresh preamble is an inline script, which the page's strict CSP
 * blocks; only while serving (never in a build) the meta CSP allows inline scripts.
 */
const devCspPlugin: Plugin = {
  name: 'leadwerk:dev-csp',
  apply: 'serve',
  transformIndexHtml: (html) =>
    html.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'"),
};

/**
 * Three targets. Main has four entries sharing chunks: the Electron shell (`index`), the
 * command line (`cli`), the browser bridge (`web`) and the import job's worker thread
 * (`import-worker`); only `index` may import electron.
 * The preload is CommonJS because sandboxed preloads cannot be ES modules.
 */
export default defineConfig({
  main: {
    resolve: { alias },
    build: {
      externalizeDeps: true,
      rolldownOptions: {
        input: {
          index: resolve(import.meta.dirname, 'src/main/index.ts'),
          cli: resolve(import.meta.dirname, 'src/main/cli.ts'),
          web: resolve(import.meta.dirname, 'src/main/web.ts'),
          'import-worker': resolve(import.meta.dirname, 'src/main/import/import-worker.ts'),
        },
      },
    },
  },
  preload: {
    resolve: { alias },
    build: {
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(import.meta.dirname, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'src/renderer'),
    resolve: { alias },
    plugins: [react(), devCspPlugin],
    build: {
      rolldownOptions: {
        input: { index: resolve(import.meta.dirname, 'src/renderer/index.html') },
      },
    },
  },
});
