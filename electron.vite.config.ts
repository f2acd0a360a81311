import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { BUILT_RENDERER_CSP, DEV_RENDERER_CSP, withCspMeta } from './src/main/web/csp';

const alias = { '@core': resolve(import.meta.dirname, 'src/core') };

/**
 * Writes the Content-Security-Policy meta tag of `index.html` from the same function as the
 * header: the build gets Electron's strict policy (the `web` bridge rewrites it with its
 * own when serving); only the dev server's page allows the inline React refresh preamble
 * and the dev server's WebSocket.
 */
export const rendererCspPlugin: Plugin = {
  name: 'leadwerk:csp',
  transformIndexHtml: (html, context) =>
    withCspMeta(html, context.server ? DEV_RENDERER_CSP : BUILT_RENDERER_CSP),
};

/**
 * Three targets. Main has five entries sharing chunks: the Electron shell (`index`), the
 * command line (`cli`), the browser bridge (`web`) and the worker threads of an import job
 * (`import-worker`) and of reading a file's start (`probe-worker`); only `index` may import
 * electron.
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
          'probe-worker': resolve(import.meta.dirname, 'src/main/import/probe-worker.ts'),
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
    plugins: [react(), rendererCspPlugin],
    build: {
      rolldownOptions: {
        input: { index: resolve(import.meta.dirname, 'src/renderer/index.html') },
      },
    },
  },
});
