/**
 * `recommend_ms_p95`: the dispatch dialog's request as both hosts answer it (the contract's input parse, the
 * handler, the output parse, through `dispatch`), on the emulator's Phuket road graph with the live picture.
 * The transport (IPC or the host's WebSocket) is not in it.
 */
import { dispatch } from '../../electron/core/dispatch';
import type { Bench, BenchContext, Metric } from './harness';
import { atMost, metric, percentile } from './harness';
import { startCoreRig } from './coreRig';

async function run(ctx: BenchContext): Promise<Metric[]> {
  const requests = ctx.smoke ? 5 : 200;
  const rig = await startCoreRig(3, 'recommend');
  try {
    const snapshot = rig.core.live.snapshot();
    const ids = snapshot.incidents.map((i) => i.id);
    const caller = { host: 'browser', windowId: 'bench' } as const;
    // The first request builds the road graph; the dialog's later ones reuse it. Both are reported.
    let started = performance.now();
    const first = await dispatch(rig.core.handlers, 'dispatch:recommend', { incidentId: ids[0] }, caller);
    if (!first.ok) throw new Error(`recommend refused: ${first.error}`);
    const firstMs = performance.now() - started;
    const times: number[] = [];
    for (let i = 0; i < requests; i++) {
      started = performance.now();
      const reply = await dispatch(rig.core.handlers, 'dispatch:recommend', { incidentId: ids[i % ids.length] }, caller);
      times.push(performance.now() - started);
      if (!reply.ok) throw new Error(`recommend refused: ${reply.error}`);
    }
    ctx.log(`${requests} requests over ${ids.length} incidents, ${snapshot.segments.length} segments, ${snapshot.units.length} units`);
    return [
      metric(ctx, 'recommend_ms_p95', percentile(times, 0.95), 'ms', atMost(50)),
      metric(ctx, 'recommend_ms_p50', percentile(times, 0.5), 'ms', null),
      metric(ctx, 'recommend_first_ms', firstMs, 'ms', null, 'builds the road graph'),
    ];
  } finally {
    await rig.close();
  }
}

export const recommend: Bench = { name: 'recommend', browser: false, run };
