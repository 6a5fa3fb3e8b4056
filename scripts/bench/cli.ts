/**
 * `npm run bench [-- <name>…] [--smoke] [--long] [--core]`: runs the named benchmarks (all by default), prints each
 * figure next to its target, and writes bench/results/latest.json and latest.md (smoke runs write to a temp folder:
 * their tiny sizes say nothing about speed). `--core` skips the ones that need Chromium.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Metric } from './harness';
import { describeMachine } from './machine';
import { BENCHES } from './registry';
import { describe, writeResults } from './results';

const args = process.argv.slice(2);
const smoke = args.includes('--smoke');
const ctx = { smoke, long: args.includes('--long'), log: (line: string) => console.log(`    ${line}`) };
const named = args.filter((a) => !a.startsWith('--'));
const unknown = named.filter((n) => !BENCHES.some((b) => b.name === n));
if (unknown.length > 0) {
  console.error(`unknown benchmark ${unknown.join(', ')}; known: ${BENCHES.map((b) => b.name).join(', ')}`);
  process.exit(2);
}
const chosen = BENCHES.filter((b) => (named.length === 0 ? !(args.includes('--core') && b.browser) : named.includes(b.name)));

const machine = await describeMachine();
console.log(`machine: ${machine.cores} × ${machine.cpu}; Node ${machine.node}; Chromium ${machine.chromium}; WebGL ${machine.webgl}`);
const metrics: Metric[] = [];
let failed = 0;
for (const bench of chosen) {
  console.log(`▶ ${bench.name}`);
  const started = Date.now();
  try {
    const got = await bench.run(ctx);
    for (const m of got) console.log(describe(m));
    metrics.push(...got);
  } catch (error) {
    failed++;
    console.error(`✖ ${bench.name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
  console.log(`  (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}
const dir = smoke ? mkdtempSync(join(tmpdir(), 'bench-smoke-')) : resolve(import.meta.dirname, '../../bench/results');
const written = writeResults(dir, { machine, at: new Date().toISOString(), metrics });
console.log(`results: ${written.json}, ${written.md}`);
const missed = metrics.filter((m) => m.met === false).map((m) => m.name);
if (missed.length > 0) console.log(`missed: ${missed.join(', ')}`);
// A benchmark that crashed is a failure; a missed target is a finding, reported above, not an error.
if (failed > 0) process.exitCode = 1;
