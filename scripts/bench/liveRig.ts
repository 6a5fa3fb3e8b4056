/**
 * The whole live path for `feed_to_pixel` and the soak: the emulator as its own process with synthetic load,
 * `npm start -- --headless` pointed at it as a person would run it, and one Chromium window on the console with
 * the frame probe on (renderer/map/frameProbe.ts). Load is set through the emulator's control endpoint.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { z } from 'zod';
import { launchChromium } from '../../test/support/chromium';
import { startEmulatorProcess, startHeadlessConsole } from '../../test/support/console-host';
import type { RunningConsole, RunningEmulator } from '../../test/support/console-host';
import { waitForLiveFrames } from '../../test/support/console-page';
import { buildRendererIfStale } from '../build-if-stale';
import { cpuSeconds } from './cpuShares';
import type { BenchContext, Metric } from './harness';
import type { CpuSeconds } from './cpuShares';

const LoadState = z.object({ units: z.number(), perSecond: z.number(), published: z.number() });
const Reading = z.object({ latencies: z.array(z.number()), arrivals: z.array(z.number()), frameIntervals: z.array(z.number()) });
export type ProbeReading = z.infer<typeof Reading>;

export interface LiveRig {
  readonly page: Page;
  /** How many synthetic units the window has drawn at rest (placeUnits). */
  unitsPlaced: number;
  /** Sets the emulator's synthetic load; answers what it runs and how many moves it has published so far. */
  setLoad(units: number, perSecond: number): Promise<z.infer<typeof LoadState>>;
  /** The window's probe readings since the last call. */
  takeReading(): Promise<ProbeReading>;
  /** The window's JS heap in use after a full collection, in MB. */
  rendererHeapMb(): Promise<number>;
  /** The console process's resident memory (core, store worker and host), in MB. */
  coreRssMb(): number;
  /** CPU seconds used so far by the emulator, the console and Chromium's processes. */
  cpu(): CpuSeconds;
  close(): Promise<void>;
}

function rssMb(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return kb === undefined ? Number.NaN : Number(kb) / 1024;
}

export async function startLiveRig(): Promise<LiveRig> {
  buildRendererIfStale(resolve(import.meta.dirname, '../..'));
  const opened: { emulator?: RunningEmulator; app?: RunningConsole; browser?: Browser } = {};
  const close = async () => {
    await opened.browser?.close();
    await opened.app?.stop();
    await opened.emulator?.stop();
  };
  try {
    opened.emulator = await startEmulatorProcess(['--port', '0', '--speed', '1', '--seed', '31']);
    const emulatorUrl = opened.emulator.url;
    opened.app = await startHeadlessConsole([], { PHUKET_PLATFORM_URL: emulatorUrl });
    const app = opened.app;
    opened.browser = await launchChromium();
    const page = await opened.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${app.origin}/?probe=frames${new URL(app.url).hash}`);
    await page.waitForSelector('html[data-map-ready="true"]', { state: 'attached', timeout: 120_000 });
    await waitForLiveFrames(page, 1, 120_000);
    const cdp: CDPSession = await page.context().newCDPSession(page);
    return {
      page,
      unitsPlaced: 0,
      async setLoad(units, perSecond) {
        const response = await fetch(`${emulatorUrl}/emulator/load`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ units, perSecond }) });
        if (!response.ok) throw new Error(`the emulator refused the load: ${response.status} ${await response.text()}`);
        return LoadState.parse(await response.json());
      },
      async takeReading() {
        return Reading.parse(await page.evaluate('window.frameProbe.take()'));
      },
      async rendererHeapMb() {
        await cdp.send('HeapProfiler.collectGarbage');
        return z.object({ usedSize: z.number() }).parse(await cdp.send('Runtime.getHeapUsage')).usedSize / 1_048_576;
      },
      coreRssMb: () => rssMb(app.process.pid),
      cpu: () => cpuSeconds(opened.emulator?.process.pid, app.process.pid),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Puts `units` synthetic units on the map, at rest, and waits until the window has drawn them (if they are new). */
export async function placeUnits(rig: LiveRig, units: number): Promise<void> {
  const now = await rig.setLoad(units, 0);
  if (now.units !== units) throw new Error(`the emulator runs ${now.units} synthetic units, not ${units}`);
  if (rig.unitsPlaced === units) return;
  await drawnAtLeast(rig, units, 120_000);
  rig.unitsPlaced = units;
}

/** Reads the probe until at least `count` unit updates have been drawn (e.g. the synthetic units' first appearance). */
async function drawnAtLeast(rig: LiveRig, count: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let seen = 0;
  while (seen < count) {
    if (Date.now() > deadline) throw new Error(`only ${seen} of ${count} unit updates drawn after ${timeoutMs} ms`);
    seen += (await rig.takeReading()).latencies.length;
    if (seen < count) await new Promise((done) => setTimeout(done, 100));
  }
}

/** A benchmark's run on a rig of its own, closed whatever happens. */
export function onOwnRig(measure: (rig: LiveRig, ctx: BenchContext) => Promise<Metric[]>): (ctx: BenchContext) => Promise<Metric[]> {
  return async (ctx) => {
    const rig = await startLiveRig();
    try {
      return await measure(rig, ctx);
    } finally {
      await rig.close();
    }
  };
}
