import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';

// pino and mqtt are loaded from node_modules: bundled, their packages' browser fields would swap in browser builds
// (pino's console.* logger; mqtt's, which has no `connect` for mqtt:// sockets). electron-updater reads its own
// package files at run time. Keep package.json `dependencies` in step: test/unit/package-size.test.ts checks.
const external = ['electron', 'better-sqlite3', 'ws', 'pino', 'rotating-file-stream', 'mqtt', 'electron-updater', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

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
