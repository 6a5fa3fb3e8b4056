import { resolve } from 'node:path';
import type { WorkerSpec } from '../../electron/core/store/sourceWorker';
import { sourceWorker } from '../../electron/core/store/sourceWorker';
import { buildIfStale } from '../build-if-stale';

const root = resolve(import.meta.dirname, '../..');

export interface BenchWorker {
  readonly spec: WorkerSpec;
  /** Which worker ran, for the bench's output. */
  readonly label: string;
}

/**
 * The store worker the Electron app runs: dist-electron/storeWorker.cjs from `npm run build:electron`
 * (electron/main/main.ts passes it to createStore), rebuilt first when a source is newer. In development
 * tsx transpiles the TypeScript worker at every start, which no console in use does, so timing that
 * would measure the tooling rather than the product.
 */
export function shippedWorker(): BenchWorker {
  buildIfStale(root, 'dist-electron/storeWorker.cjs', ['electron', 'shared', 'vite.electron.config.ts', 'package.json'], 'build:electron');
  return { spec: { path: resolve(root, 'dist-electron/storeWorker.cjs') }, label: 'dist-electron/storeWorker.cjs (as shipped)' };
}

/** The TypeScript sources through tsx, as tests and the development browser host run them: no build needed. */
export function developmentWorker(): BenchWorker {
  return { spec: sourceWorker(), label: 'electron/core/store/worker.ts through tsx (development)' };
}
