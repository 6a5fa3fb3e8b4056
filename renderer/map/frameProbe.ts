/**
 * Feed-to-pixel latency, for the `feed_to_pixel` benchmark: when the window is opened with `?probe=frames`, each unit
 * update the window applies is remembered by the time its source stamped it (`observedAt`), and the next frame
 * deck.gl draws turns those stamps into latencies. Off (and free) in normal use.
 */
import type { LiveChanges } from '../../shared/contract';

/** Enough for a 20-minute soak's samples without growing without bound; older ones are dropped first. */
const MAX_SAMPLES = 200_000;

export interface FrameProbeReading {
  /** Milliseconds from an update's stamp to the end of the frame that drew it. */
  readonly latencies: number[];
  /** Milliseconds from an update's stamp to its arrival in the window (the platform's, core's and host's share). */
  readonly arrivals: number[];
  /** Milliseconds between consecutive drawn frames. */
  readonly frameIntervals: number[];
}

export interface FrameProbe {
  received(changes: LiveChanges, now: number): void;
  applied(batches: readonly LiveChanges[]): void;
  drawn(now: number): void;
  take(): FrameProbeReading;
}

/** Drops the older half at once when full, so a sample costs O(1) on average. */
function bounded(list: number[], value: number): void {
  if (list.length >= MAX_SAMPLES) list.splice(0, MAX_SAMPLES / 2);
  list.push(value);
}

export function createFrameProbe(): FrameProbe {
  let pending: number[] = [];
  let latencies: number[] = [];
  let arrivals: number[] = [];
  let frameIntervals: number[] = [];
  let lastFrame: number | null = null;
  return {
    received(changes, now) {
      for (const unit of changes.units) bounded(arrivals, now - unit.observedAt);
    },
    applied(batches) {
      for (const batch of batches) for (const unit of batch.units) pending.push(unit.observedAt);
    },
    drawn(now) {
      if (lastFrame !== null) bounded(frameIntervals, now - lastFrame);
      lastFrame = now;
      for (const stamp of pending) bounded(latencies, now - stamp);
      pending = [];
    },
    take() {
      const reading = { latencies, arrivals, frameIntervals };
      latencies = [];
      arrivals = [];
      frameIntervals = [];
      return reading;
    },
  };
}

const NO_PROBE: FrameProbe = { received: () => undefined, applied: () => undefined, drawn: () => undefined, take: () => ({ latencies: [], arrivals: [], frameIntervals: [] }) };

/** The window's probe: live only with `?probe=frames`, and then readable by the benchmark's driver as `window.frameProbe`. */
export const frameProbe: FrameProbe = (() => {
  if (typeof location === 'undefined' || new URLSearchParams(location.search).get('probe') !== 'frames') return NO_PROBE;
  const probe = createFrameProbe();
  Object.assign(window, { frameProbe: probe });
  return probe;
})();
