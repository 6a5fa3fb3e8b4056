/**
 * `npm run bench`: the numbers behind the console's speed claims, printed, never asserted (speed is not a test).
 * Core-side figures only; rendering in software WebGL here says little about a control-room GPU.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PlatformConfig } from '../electron/core/config';
import { startConsoleCore } from '../electron/core/consoleCore';
import { createStore } from '../electron/core/store/store';
import { uuidv7 } from '../electron/core/store/uuidv7';
import { startEmulator } from '../emulator/emulator';
import { setFault } from '../test/support/emulator-control';
import { seedCache } from '../test/support/seed-cache';

const profile = { name: 'Bench', role: 'supervisor', workstation: 'bench' } as const;

async function until(check: () => boolean, timeoutMs: number): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error('bench timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function benchCache(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-cache-'));
  let started = performance.now();
  const written = await seedCache(dir, 50_000);
  console.log(`cache write: ${written} observations (emulator listing, mapping and storing) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const store = createStore({ dir });
  started = performance.now();
  await store.open();
  const latest = await store.loadLatest();
  console.log(`cold start: open + load ${latest.items.length} last-known items from ${written} observations in ${(performance.now() - started).toFixed(0)} ms`);
  await store.close();
}

async function benchDrain(actions: number): Promise<void> {
  const emulator = await startEmulator({ seed: 21, speed: 1 });
  const core = await startConsoleCore({
    name: 'bench',
    version: '0.0.0',
    host: 'browser',
    platform: PlatformConfig.parse({ baseUrl: emulator.url }),
    profile,
    store: () => createStore({ dir: mkdtempSync(join(tmpdir(), 'bench-outbox-')) }),
    newId: () => uuidv7(),
  });
  try {
    await until(() => core.live.snapshot().incidents.length > 0 && core.live.health().link.state === 'up', 30_000);
    const open = core.live.snapshot().incidents.filter((i) => i.status !== 'closed').map((i) => i.id);
    await setFault(emulator.url, 'outage', true);
    await until(() => core.live.health().link.state === 'down', 30_000);
    let started = performance.now();
    for (let i = 0; i < actions; i++) await core.actions.perform({ kind: 'note', incidentId: open[i % open.length]!, text: `bench note ${i}` });
    const queueMs = performance.now() - started;
    await setFault(emulator.url, 'outage', false);
    started = performance.now();
    await until(() => core.actions.view().entries.filter((e) => e.state === 'confirmed').length >= actions, 120_000);
    const drainMs = performance.now() - started;
    const applied = emulator.actions.entries.filter((e) => e.outcome === 'applied').length;
    console.log(`outbox: ${actions} notes queued offline in ${queueMs.toFixed(0)} ms (${((actions / queueMs) * 1000).toFixed(0)}/s, each durable before "queued")`);
    console.log(`outbox drain: ${actions} actions over ${open.length} incidents confirmed ${(drainMs / 1000).toFixed(1)} s after the link returned (${((actions / drainMs) * 1000).toFixed(0)}/s, in order per incident); platform applied ${applied}`);
  } finally {
    await core.stop();
    await emulator.close();
  }
}

if (process.argv.includes('fanout')) {
  const { benchFanout } = await import('./bench-fanout');
  await benchFanout(process.argv.includes('--smoke'));
} else if (process.argv.includes('crosswindow')) {
  const { benchCrossWindow } = await import('./bench-crosswindow');
  await benchCrossWindow();
} else {
  await benchCache();
  await benchDrain(200);
  if (!process.argv.includes('--no-browser')) {
    const { benchQueue } = await import('./bench-queue');
    await benchQueue();
  }
}
