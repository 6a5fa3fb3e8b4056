import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StoreOptions, WorkerStore } from '../store';
import { createStore } from '../store';

/** A fresh folder under the system temp dir, and its removal. */
export function tempDir(prefix = 'console-store-'): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Opens a store on `dir` (running the real worker) and remembers it so `closeAll` can release it. */
export function storeKeeper(): { open(dir: string, options?: Omit<StoreOptions, 'dir'>): Promise<WorkerStore>; closeAll(): Promise<void> } {
  const stores: WorkerStore[] = [];
  return {
    async open(dir, options = {}) {
      const store = createStore({ ...options, dir });
      stores.push(store);
      await store.open();
      return store;
    },
    async closeAll() {
      await Promise.allSettled(stores.splice(0).map((store) => store.close()));
    },
  };
}
