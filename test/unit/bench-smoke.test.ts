import { readFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { coldStartCore } from '../../scripts/bench/coldStartCore';
import { fanout } from '../../scripts/bench/fanout';
import type { Bench, Metric } from '../../scripts/bench/harness';
import { atMost, metric, percentile } from '../../scripts/bench/harness';
import { ingest } from '../../scripts/bench/ingest';
import { deliveryFault, outbox } from '../../scripts/bench/outbox';
import { recommend } from '../../scripts/bench/recommend';
import { BENCHES } from '../../scripts/bench/registry';
import { growthPct } from '../../scripts/bench/soak';
import { writeResults } from '../../scripts/bench/results';
import { mosquittoMissing } from '../support/mosquitto';

const smoke = { smoke: true, long: false, log: () => undefined };
const machine = { cores: 2, cpu: 'test', node: process.version, chromium: 'none', webgl: 'none' };

const Results = z.object({
  machine: z.object({ cores: z.number(), cpu: z.string(), node: z.string(), chromium: z.string(), webgl: z.string() }),
  metrics: z.array(z.object({ name: z.string(), value: z.number(), unit: z.string(), target: z.string().nullable(), met: z.boolean().nullable() })),
});

async function smokeRun(bench: Bench): Promise<Metric[]> {
  const metrics = await bench.run(smoke);
  expect(metrics.length).toBeGreaterThan(0);
  for (const m of metrics) {
    expect(Number.isFinite(m.value), `${m.name} = ${m.value}`).toBe(true);
    // Tiny sizes say nothing about a target: smoke mode never judges one.
    expect(m.target).toBeNull();
    expect(m.met).toBeNull();
  }
  return metrics;
}

describe('benchmark harness', () => {
  it('judges a metric against its target, and not at all in smoke mode', () => {
    const full = { ...smoke, smoke: false };
    expect(metric(full, 'x_ms', 240, 'ms', atMost(250))).toMatchObject({ target: '≤ 250', met: true });
    expect(metric(full, 'x_ms', 260, 'ms', atMost(250))).toMatchObject({ met: false });
    expect(metric(smoke, 'x_ms', 260, 'ms', atMost(250))).toMatchObject({ target: null, met: null });
    expect(percentile([5, 1, 4, 2, 3], 0.5)).toBe(3);
    expect(percentile([1, 2, 3, 4, 100], 0.99)).toBe(100);
  });

  it('writes latest.json in the agreed shape and a markdown table beside it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bench-results-'));
    const written = writeResults(dir, { machine, at: '2026-01-01T00:00:00Z', metrics: [metric({ ...smoke, smoke: false }, 'ingest_ratio', 0.4, 'ratio', { op: '≥', value: 0.5 })] });
    const parsed = Results.parse(JSON.parse(readFileSync(written.json, 'utf8')));
    expect(parsed.metrics[0]).toMatchObject({ name: 'ingest_ratio', value: 0.4, target: '≥ 0.5', met: false });
    expect(readFileSync(written.md, 'utf8')).toContain('| `ingest_ratio` | 0.4 | ratio | ≥ 0.5 | **missed** |');
  });

  it('names every benchmark once, so `npm run bench -- <name>` is unambiguous', () => {
    const names = BENCHES.map((b) => b.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(expect.arrayContaining(['ingest', 'outbox', 'recommend', 'coldstart-core', 'coldstart', 'crosswindow', 'fanout', 'feed-to-pixel', 'soak']));
  });

  it('reads soak growth from the ends of a series, so one odd sample does not decide it', () => {
    expect(growthPct([100, 100, 100, 100, 100, 100])).toBe(0);
    expect(growthPct([100, 101, 99, 150, 110, 110, 111])).toBeCloseTo(10, 5);
    expect(growthPct([100, 300, 100, 100, 100, 100])).toBe(0);
  });

  it('catches an outbox that applies an action twice, skips one, or reorders an incident', () => {
    const queued = [
      { actionId: 'a', incidentId: 'i1' },
      { actionId: 'b', incidentId: 'i2' },
      { actionId: 'c', incidentId: 'i1' },
    ];
    const applied = (actionId: string, entityId: string) => ({ actionId, entityId, outcome: 'applied' });
    expect(deliveryFault(queued, [applied('b', 'i2'), applied('a', 'i1'), applied('c', 'i1')])).toBeNull();
    expect(deliveryFault(queued, [applied('c', 'i1'), applied('a', 'i1'), applied('b', 'i2')])).toMatch(/applied after a later one/);
    expect(deliveryFault(queued, [applied('a', 'i1'), applied('b', 'i2')])).toMatch(/1 actions not applied exactly once/);
    expect(deliveryFault(queued, [applied('a', 'i1'), applied('b', 'i2'), applied('b', 'i2'), applied('c', 'i1')])).toMatch(/not applied exactly once/);
  });
});

describe('core benchmarks in smoke mode (tiny sizes, no targets)', { timeout: 120_000 }, () => {
  it('ingest: console path and raw insert both run, ratio positive', async () => {
    const metrics = await smokeRun(ingest);
    expect(metrics.find((m) => m.name === 'ingest_ratio')?.value).toBeGreaterThan(0);
  });
  it('outbox: drains what was queued offline, exactly once and in order', () => smokeRun(outbox));
  it('recommend: answers the dispatch request on the Phuket graph', () => smokeRun(recommend));
  it('coldstart-core: starts the core on a seeded cache and an empty one', () => smokeRun(coldStartCore));
  it.skipIf(mosquittoMissing() !== null)('fanout: every console gets every notification over mosquitto', () => smokeRun(fanout));
});
