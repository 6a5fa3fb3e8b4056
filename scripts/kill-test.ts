// kill -9 endurance run: `npm run kill-test -- [--iterations 100] [--seed N] [--dir DIR]`.
// Kills a writing store again and again on one folder and checks nothing acknowledged is lost.
import { parseArgs } from 'node:util';
import { runKillIterations } from '../test/kill/killHarness';

const { values } = parseArgs({ options: { iterations: { type: 'string', default: '100' }, seed: { type: 'string' }, dir: { type: 'string' } } });
const iterations = Number(values.iterations);
const seed = values.seed === undefined ? Date.now() % 1_000_000 : Number(values.seed);
if (!Number.isInteger(iterations) || iterations < 1 || !Number.isInteger(seed)) {
  console.error('usage: kill-test [--iterations N] [--seed N] [--dir DIR]');
  process.exit(2);
}

console.log(`kill -9: seed ${seed}${values.dir === undefined ? '' : `, folder ${values.dir}`}`);
const started = performance.now();
const results = await runKillIterations(iterations, {
  seed,
  ...(values.dir === undefined ? {} : { dir: values.dir }),
  onIteration: (result) => {
    if (!result.ok) console.log(`iteration ${result.iteration} FAILED (killed ${result.delayMs} ms after the first ack):\n  ${result.problems.join('\n  ')}`);
  },
});
const ok = results.filter((result) => result.ok).length;
const acked = results.reduce((sum, result) => sum + result.acked, 0);
const missing = results.at(-1)?.missing ?? 0;
const seconds = (performance.now() - started) / 1000;
console.log(
  `kill -9: ${iterations} iterations, ${ok} ok, ${acked} actions acknowledged, ${missing} missing ` +
    `(${results.at(-1)?.audit ?? 0} audit records; ${(seconds / iterations).toFixed(2)} s per iteration)`,
);
process.exit(ok === iterations ? 0 : 1);
