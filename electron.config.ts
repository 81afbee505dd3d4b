import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';

const here = import.meta.dirname;

/**
 * electron-vite reads this file only through `-c electron.config.ts` (every npm script passes it).
 * Entries are explicit because the defaults point at src/.
 */
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rolldownOptions: {
        input: {
          index: resolve(here, 'electron/main/index.ts'),
          // The backend runs in a utilityProcess so a long import never freezes the window.
          backend: resolve(here, 'electron/main/backend-process.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot require npm packages: bundle everything into one CommonJS file.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(here, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(here, 'renderer'),
    base: './',
    plugins: [react()],
    build: {
      outDir: resolve(here, 'out/renderer'),
      minify: true,
      emptyOutDir: true,
      rolldownOptions: { input: { index: resolve(here, 'renderer/index.html') } },
    },
  },
});
