import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

const alias = { '@core': resolve(import.meta.dirname, 'src/core') };

/**
 * Three targets. Main has three entries sharing chunks: the Electron shell (`index`), the
 * command line (`cli`) and the browser bridge (`web`); only `index` may import electron.
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
    plugins: [react()],
    build: {
      rolldownOptions: {
        input: { index: resolve(import.meta.dirname, 'src/renderer/index.html') },
      },
    },
  },
});
