/**
 * `npx tsx scripts/bench/page/profileRender.ts <ours|geojson|page> <units> <perBatch> <batches> [top]`: a V8 CPU profile of
 * the render bench page's batches (the same loop as render.ts), unminified, and its functions with the most self time.
 * `perBatch` equal to `units` with batches of one frame each is the fps loop.
 */
import { writeFileSync } from 'node:fs';
import { z } from 'zod';
import { launchChromium } from '../../../test/support/chromium';
import { CpuProfile, topFunctions } from '../cpuProfile';
import { serveRenderPage } from './serve';

const Args = z.tuple([z.enum(['ours', 'geojson', 'page']), z.coerce.number().int().positive(), z.coerce.number().int().positive(), z.coerce.number().int().positive(), z.coerce.number().int().positive().optional()]);
const Stopped = z.object({ profile: CpuProfile });

async function main(): Promise<void> {
  const [mode, units, perBatch, batches, top] = Args.parse(process.argv.slice(2));
  const served = await serveRenderPage({ minify: false });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(served.url);
    await page.waitForFunction(() => 'bench' in window);
    await page.evaluate(`window.bench.setup(${units}, '${mode}')`);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    const started = Date.now();
    await page.evaluate(`(async () => { for (let b = 0; b < ${batches}; b++) { window.bench.move(${perBatch}); await window.bench.nextFrame(); await window.bench.nextFrame(); } })()`);
    const wall = Date.now() - started;
    const { profile } = Stopped.parse(await cdp.send('Profiler.stop'));
    writeFileSync(`/tmp/render-${mode}-${units}-${perBatch}.cpuprofile`, JSON.stringify(profile));
    console.log(`${mode}: ${batches} batches of ${perBatch} on ${units} units, ${wall} ms wall`);
    console.table(topFunctions(profile, top ?? 25, (frame) => `:${frame.lineNumber + 1}`));
  } finally {
    await browser.close();
    await served.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
