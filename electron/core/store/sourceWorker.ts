import { fileURLToPath } from 'node:url';

/** Where the store's worker thread starts, and with which Node options. */
export interface WorkerSpec {
  readonly path: string;
  readonly execArgv?: string[];
}

/** The worker from TypeScript sources (tests, tsx scripts). The packaged app passes dist-electron/storeWorker.cjs instead. */
export function sourceWorker(): WorkerSpec {
  // Bundled as CommonJS, import.meta is an empty object: say what to do instead of failing on an invalid URL.
  const here: unknown = import.meta.url;
  if (typeof here !== 'string') throw new Error('the store runs from a bundle: pass createStore({ worker: { path: <dist-electron/storeWorker.cjs> } })');
  return {
    path: fileURLToPath(new URL('./worker.ts', here)),
    execArgv: ['--import', new URL('./tsxHook.mjs', here).href],
  };
}
