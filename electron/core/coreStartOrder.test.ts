import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startConsoleCore } from './consoleCore';
import { createStore } from './store/store';
import { uuidv7 } from './store/uuidv7';

const RECORDED = new Set(['open', 'loadLatest', 'localIncidents', 'outbox', 'auditProfile', 'prune']);

describe("the core's start", () => {
  it("asks the store for the start's own reads first and prunes the cache after them, once", async () => {
    const asked: string[] = [];
    const store = createStore({ dir: mkdtempSync(join(tmpdir(), 'core-start-order-')) });
    // The real store, its calls noted in the order the core makes them (the worker answers in that order).
    const noted = new Proxy(store, {
      get(target, name, receiver) {
        const value: unknown = Reflect.get(target, name, receiver);
        if (typeof name !== 'string' || !RECORDED.has(name) || typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          asked.push(name);
          return Reflect.apply(value, target, args);
        };
      },
    });
    const core = await startConsoleCore({
      name: 'order',
      version: '0.0.0',
      host: 'browser',
      platform: null,
      profile: { name: 'Kanya', role: 'supervisor', workstation: 'CC-07' },
      store: () => noted,
      newId: () => uuidv7(),
    });
    try {
      expect(asked).toEqual(['open', 'loadLatest', 'localIncidents', 'outbox', 'auditProfile', 'prune']);
    } finally {
      await core.stop();
    }
  }, 30_000);
});
