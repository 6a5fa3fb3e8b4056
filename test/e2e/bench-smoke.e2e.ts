import { describe, expect, it } from 'vitest';
import type { Bench } from '../../scripts/bench/harness';
import { render } from '../../scripts/bench/render';

const smoke = { smoke: true, long: false, log: () => undefined };

async function smokeRun(bench: Bench): Promise<void> {
  const metrics = await bench.run(smoke);
  expect(metrics.length).toBeGreaterThan(0);
  for (const m of metrics) {
    expect(Number.isFinite(m.value) && m.value > 0, `${m.name} = ${m.value}`).toBe(true);
    expect(m.met).toBeNull();
  }
}

// Tiny sizes, no targets: this only keeps the render benchmark's page from rotting. The other browser benchmarks
// are thin loops over helpers the e2e suite runs anyway (coldstart: the seeded cache and launch of cold-start.e2e;
// crosswindow and queue: those of multiwindow and the queue e2e), so the suite's time is spent once.
describe('browser benchmarks in smoke mode', () => {
  it('render: both ways of drawing units run on the bench page and report scripting, fps and heap', () => smokeRun(render));
});
