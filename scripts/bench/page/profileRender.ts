/**
 * `npx tsx scripts/bench/page/profileRender.ts <ours|geojson> <units> <perBatch> <batches> [top]`: a V8 CPU profile of
 * the render bench page's batches (the same loop as render.ts), unminified, and its functions with the most self time.
 * `perBatch` equal to `units` with batches of one frame each is the fps loop.
 */
import { writeFileSync } from 'node:fs';
import { z } from 'zod';
import { launchChromium } from '../../../test/support/chromium';
import { serveRenderPage } from './serve';

const Args = z.tuple([z.enum(['ours', 'geojson']), z.coerce.number().int().positive(), z.coerce.number().int().positive(), z.coerce.number().int().positive(), z.coerce.number().int().positive().optional()]);
const Profile = z.object({ profile: z.object({ nodes: z.array(z.object({ id: z.number(), callFrame: z.object({ functionName: z.string(), url: z.string(), lineNumber: z.number() }) })), samples: z.array(z.number()), timeDeltas: z.array(z.number()) }) });

type CpuProfile = z.infer<typeof Profile>['profile'];

// profileTop.ts runs its own command line when imported, so its table is repeated here, with the file left off.
function topFunctions(profile: CpuProfile, n: number): { fn: string; ms: number; share: number }[] {
  const byNode = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const self = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const frame = byNode.get(id);
    const us = profile.timeDeltas[i] ?? 0;
    total += us;
    if (frame === undefined) return;
    const key = `${frame.functionName || '(anonymous)'}${frame.url === '' ? '' : `:${frame.lineNumber + 1}`}`;
    self.set(key, (self.get(key) ?? 0) + us);
  });
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([fn, us]) => ({ fn, ms: Math.round(us / 1000), share: Math.round((us / total) * 1000) / 10 }));
}

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
    const { profile } = Profile.parse(await cdp.send('Profiler.stop'));
    writeFileSync(`/tmp/render-${mode}-${units}-${perBatch}.cpuprofile`, JSON.stringify(profile));
    console.log(`${mode}: ${batches} batches of ${perBatch} on ${units} units, ${wall} ms wall`);
    console.table(topFunctions(profile, top ?? 25));
  } finally {
    await browser.close();
    await served.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
