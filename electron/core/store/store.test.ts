import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { StoreWorkerError } from './errors';
import { createStore } from './store';
import { fakeUnit, observe } from './testing/fakeItems';
import { storeTestKit } from './testing/tempDir';

const { keeper, dir } = storeTestKit(afterEach);

describe('store client', () => {
  it('rejects calls before open and after close, with clear errors', async () => {
    const store = createStore({ dir: dir() });
    await expect(store.countObservations()).rejects.toThrow('the store is not open');
    await store.open();
    expect(await store.countObservations()).toBe(0);
    await store.close();
    await expect(store.countObservations()).rejects.toThrow(new StoreWorkerError('the store is closed'));
  });

  it('rejects pending calls with a clear error when the worker dies', async () => {
    const folder = dir();
    // A stand-in worker that takes the first request and dies without answering.
    const dying = join(folder, 'dying-worker.mjs');
    writeFileSync(dying, "import { parentPort } from 'node:worker_threads';\nparentPort.on('message', () => process.exit(3));\n");
    const store = createStore({ dir: folder, worker: { path: dying } });
    await expect(store.open()).rejects.toThrow(new StoreWorkerError('the store worker stopped unexpectedly (exit code 3)'));
    await expect(store.loadLatest()).rejects.toThrow(/stopped unexpectedly/);
  });

  it('rejects pending calls when the worker throws', async () => {
    const folder = dir();
    const failing = join(folder, 'failing-worker.mjs');
    writeFileSync(failing, "import { parentPort } from 'node:worker_threads';\nparentPort.on('message', () => { throw new Error('worker bug'); });\n");
    const store = createStore({ dir: folder, worker: { path: failing } });
    await expect(store.open()).rejects.toThrow('the store worker failed: worker bug');
  });

  it('serves concurrent calls in order through one worker', async () => {
    const store = await keeper.open(dir());
    const writes = Array.from({ length: 20 }, (_, n) => store.appendObservations([observe(fakeUnit(n), n)]));
    const counts = await Promise.all([...writes, store.countObservations()]);
    expect(counts.at(-1)).toBe(20);
  });
});
