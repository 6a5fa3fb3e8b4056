/**
 * `npm test`: everything that must pass, in order of cost: typecheck, lint (layering rules included),
 * then unit, security-gate and end-to-end tests in one vitest run. Ends with one summary line.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { CHROMIUM_HELP, findChromium } from './find-chromium';

const root = resolve(import.meta.dirname, '..');
const report = resolve(root, 'test-results/vitest.json');

function step(name: string, command: string, args: string[]): void {
  const started = Date.now();
  console.log(`\n▶ ${name}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`✖ ${name} failed after ${seconds}s`);
    process.exit(result.status ?? 1);
  }
  console.log(`✔ ${name} (${seconds}s)`);
}

if (!findChromium()) {
  console.error(CHROMIUM_HELP);
  process.exit(1);
}

step('typecheck', 'npx', ['tsc', '-b']);
step('lint', 'npx', ['eslint', '.', '--max-warnings', '0']);
step('build renderer', 'npm', ['run', '--silent', 'build:renderer']);
rmSync(report, { force: true });
const tests = spawnSync('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`], { cwd: root, stdio: 'inherit' });

const Summary = z.object({ numPassedTests: z.number(), numFailedTests: z.number(), numPendingTests: z.number(), numTodoTests: z.number() });
let summary: z.infer<typeof Summary> | null = null;
try {
  summary = Summary.parse(JSON.parse(readFileSync(report, 'utf8')));
} catch {
  summary = null;
}
if (summary) console.log(`\n${summary.numPassedTests} passed, ${summary.numFailedTests} failed, ${summary.numPendingTests + summary.numTodoTests} skipped`);
process.exit(tests.status ?? 1);
