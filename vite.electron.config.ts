import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';

// pino is loaded from node_modules: bundled, its package's browser field would replace it with the console.* build.
const external = ['electron', 'better-sqlite3', 'ws', 'pino', 'rotating-file-stream', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

/**
 * Electron main and the store worker, as CommonJS. The preload is built on its own (`--mode preload`):
 * a sandboxed preload may require nothing but `electron`, so it must be one self-contained file.
 */
export default defineConfig(({ mode }) => {
  const preload = mode === 'preload';
  return {
    build: {
      outDir: 'dist-electron',
      emptyOutDir: !preload,
      target: 'node22',
      minify: false,
      sourcemap: true,
      lib: {
        entry: preload ? { preload: 'electron/preload/preload.ts' } : { main: 'electron/main/main.ts', storeWorker: 'electron/core/store/worker.ts' },
        formats: ['cjs'],
        fileName: (_format, name) => `${name}.cjs`,
      },
      rollupOptions: { external: preload ? ['electron'] : external },
    },
  };
});
