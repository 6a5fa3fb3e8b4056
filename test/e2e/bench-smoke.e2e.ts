import { describe, expect, it } from 'vitest';
import { coldStart } from '../../scripts/bench/coldStart';
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

// Tiny sizes, no targets: these only keep the browser benchmarks from rotting (crosswindow and queue reuse the same helpers as multiwindow and the queue e2e).
describe('browser benchmarks in smoke mode', () => {
  it('render: both ways of drawing units run on the bench page and report scripting, fps and heap', () => smokeRun(render));
  it('coldstart: a console paints its seeded cache and an empty map', () => smokeRun(coldStart));
});
