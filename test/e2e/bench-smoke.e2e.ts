import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { feedToPixelOn } from '../../scripts/bench/feedToPixel';
import type { Metric } from '../../scripts/bench/harness';
import type { LiveRig } from '../../scripts/bench/liveRig';
import { startLiveRig } from '../../scripts/bench/liveRig';
import { render } from '../../scripts/bench/render';
import { soakOn } from '../../scripts/bench/soak';

const smoke = { smoke: true, long: false, log: () => undefined };

function expectSmoke(metrics: readonly Metric[]): void {
  expect(metrics.length).toBeGreaterThan(0);
  for (const m of metrics) {
    expect(Number.isFinite(m.value), `${m.name} = ${m.value}`).toBe(true);
    expect(m.met).toBeNull();
  }
}

// Tiny sizes, no targets: this only keeps the browser benchmarks from rotting. The other browser benchmarks
// are thin loops over helpers the e2e suite runs anyway (coldstart: the seeded cache and launch of cold-start.e2e;
// crosswindow and queue: those of multiwindow and the queue e2e), so the suite's time is spent once.
describe('browser benchmarks in smoke mode', () => {
  it('render: both ways of drawing units run on the bench page and report scripting, fps and heap', async () => {
    const metrics = await render.run(smoke);
    expectSmoke(metrics);
    for (const m of metrics) expect(m.value, m.name).toBeGreaterThan(0);
  });

  describe('on the whole live path (emulator with synthetic load, headless console, one window)', () => {
    let rig: LiveRig;
    beforeAll(async () => {
      rig = await startLiveRig();
    });
    afterAll(() => rig.close());

    it('feed-to-pixel: moves stamped by the emulator reach a drawn frame, with a latency no smaller than the hub flush', async () => {
      const metrics = await feedToPixelOn(rig, smoke);
      expectSmoke(metrics);
      const p50 = metrics.find((m) => m.name === 'feed_to_pixel_p50_ms')?.value ?? 0;
      // A move is coalesced by the core for up to 250 ms and drawn on a later frame: a latency near zero would mean the probe reads the wrong clock.
      expect(p50).toBeGreaterThan(0);
      expect(metrics.find((m) => m.name === 'feed_to_pixel_drawn_per_s')?.value).toBeGreaterThan(0);
    });

    it('soak: samples the window heap and the console RSS while the load runs', async () => {
      const metrics = await soakOn(rig, smoke);
      expectSmoke(metrics);
      expect(metrics.find((m) => m.name === 'soak_published_per_s')?.value).toBeGreaterThan(0);
    });
  });
});
