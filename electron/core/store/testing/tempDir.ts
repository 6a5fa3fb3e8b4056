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

/**
 * The per-file test kit: temp folders and stores that are closed and removed after each test.
 * Call once at the top of a test file (it registers the afterEach).
 */
export function storeTestKit(afterEach: (fn: () => Promise<void>) => void): { keeper: ReturnType<typeof storeKeeper>; dir: () => string } {
  const keeper = storeKeeper();
  const removals: (() => void)[] = [];
  afterEach(async () => {
    await keeper.closeAll();
    for (const remove of removals.splice(0)) remove();
  });
  return {
    keeper,
    dir() {
      const made = tempDir();
      removals.push(made.remove);
      return made.dir;
    },
  };
}
