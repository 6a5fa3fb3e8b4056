import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';

/** Electron main and the sandboxed preload, as CommonJS (a sandboxed preload cannot be an ES module). */
export default defineConfig({
  build: {
    outDir: 'dist-electron',
    emptyOutDir: true,
    target: 'node22',
    minify: false,
    sourcemap: true,
    lib: {
      entry: { main: 'electron/main/main.ts', preload: 'electron/preload/preload.ts', storeWorker: 'electron/core/store/worker.ts' },
      formats: ['cjs'],
      fileName: (_format, name) => `${name}.cjs`,
    },
    rollupOptions: {
      external: ['electron', 'better-sqlite3', 'ws', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)],
    },
  },
});
