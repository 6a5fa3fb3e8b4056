/**
 * The core's part of a cold start: from starting the console core on a data folder to the first window's
 * snapshot in hand (store opened and migrated, last-known state loaded and seeded, snapshot capped), with
 * 50 000 cached observations and with none, same run, interleaved. No platform: the picture is the cache's.
 * A full run times the store worker the app ships (built first if stale); a smoke run, which only checks
 * that the bench works, takes the TypeScript worker so that a fresh clone's tests need no build.
 */
import { startConsoleCore } from '../../electron/core/consoleCore';
import { createStore } from '../../electron/core/store/store';
import { uuidv7 } from '../../electron/core/store/uuidv7';
import type { Bench, BenchContext, Metric } from './harness';
import { atMost, median, metric } from './harness';
import { emptyDataDir, seededDataDir } from './seededCache';
import type { BenchWorker } from './shippedWorker';
import { developmentWorker, shippedWorker } from './shippedWorker';

async function coreStartMs(dir: string, worker: BenchWorker): Promise<{ ms: number; items: number }> {
  const started = performance.now();
  const core = await startConsoleCore({
    name: 'bench-cold',
    version: '0.0.0',
    host: 'browser',
    platform: null,
    profile: { name: 'Bench', role: 'supervisor', workstation: 'bench' },
    store: () => createStore({ dir, worker: worker.spec }),
    newId: () => uuidv7(),
  });
  const snapshot = core.live.snapshot();
  const ms = performance.now() - started;
  await core.stop();
  return { ms, items: snapshot.segments.length + snapshot.units.length + snapshot.incidents.length };
}

export const coldObservations = (ctx: BenchContext): number => (ctx.smoke ? 500 : 50_000);

async function run(ctx: BenchContext): Promise<Metric[]> {
  const rounds = ctx.smoke ? 1 : 3;
  const cached: number[] = [];
  const empty: number[] = [];
  let items = 0;
  const worker = ctx.smoke ? developmentWorker() : shippedWorker();
  ctx.log(`store worker: ${worker.label}`);
  for (let r = 0; r < rounds; r++) {
    empty.push((await coreStartMs(emptyDataDir(), worker)).ms);
    const got = await coreStartMs(await seededDataDir(coldObservations(ctx)), worker);
    cached.push(got.ms);
    items = got.items;
    ctx.log(`core start round ${r + 1}: ${got.ms.toFixed(0)} ms with the cache (${items} last-known items), ${(empty.at(-1) ?? 0).toFixed(0)} ms empty`);
  }
  return [
    metric(ctx, 'cold_start_core_ms', median(cached), 'ms', atMost(500), `${coldObservations(ctx)} cached observations, median of ${rounds}; worker ${worker.label}`),
    metric(ctx, 'cold_start_core_empty_ms', median(empty), 'ms', null, `worker ${worker.label}`),
  ];
}

export const coldStartCore: Bench = { name: 'coldstart-core', browser: false, run };
