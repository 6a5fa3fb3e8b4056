import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkDataDir } from './checkDataDir';
import { seededRandom } from './random';

const CHILD = fileURLToPath(new URL('./coreChild.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const MAX_DELAY_MS = 400;

export interface KillIteration {
  readonly iteration: number;
  readonly ok: boolean;
  readonly problems: string[];
  /** Milliseconds between the first ack and SIGKILL. */
  readonly delayMs: number;
  /** Actions acknowledged by this run of the child. */
  readonly acked: number;
  /** Actions acknowledged so far (all runs) that are not in the files whole. */
  readonly missing: number;
  /** Rows in the outbox and the audit chain after the kill (they accumulate over iterations). */
  readonly outbox: number;
  readonly audit: number;
  readonly durationMs: number;
}

export interface KillOptions {
  readonly seed: number;
  /** The folder every iteration writes to; a temp folder (removed if all pass) when absent. */
  readonly dir?: string;
  readonly onIteration?: (result: KillIteration) => void;
}

/**
 * Starts the store in a child process, waits for its first acknowledged action, kills it with SIGKILL
 * at a seeded random moment, and checks the files. The same folder is used throughout, so damage would accumulate,
 * and every action ever acknowledged must still be there.
 */
export async function runKillIterations(n: number, options: KillOptions): Promise<KillIteration[]> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'console-kill-'));
  const random = seededRandom(options.seed);
  const acked = new Set<string>();
  const results: KillIteration[] = [];
  for (let iteration = 0; iteration < n; iteration += 1) {
    const started = performance.now();
    const delayMs = Math.floor(random() * (MAX_DELAY_MS + 1));
    const run = await killOnce(dir, options.seed * 1000 + iteration, delayMs);
    for (const id of run.acked) acked.add(id);
    const check = checkDataDir(dir, acked);
    const problems = [...run.problems, ...check.problems];
    const result = { iteration, ok: problems.length === 0, problems, delayMs, acked: run.acked.length, missing: check.missing, outbox: check.outbox, audit: check.audit, durationMs: performance.now() - started };
    results.push(result);
    options.onIteration?.(result);
  }
  if (options.dir === undefined && results.every((result) => result.ok)) rmSync(dir, { recursive: true, force: true });
  return results;
}

async function killOnce(dir: string, seed: number, delayMs: number): Promise<{ acked: string[]; problems: string[] }> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dir, String(seed)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const acked: string[] = [];
  const problems: string[] = [];
  let stderr = '';
  let buffered = '';
  let killed = false;
  let onFirstAck: () => void = () => undefined;
  const firstAck = new Promise<void>((resolve) => (onFirstAck = resolve));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    buffered += chunk;
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) {
      if (line.startsWith('ack ')) {
        acked.push(line.slice(4));
        if (acked.length === 1) onFirstAck();
      } else if (line.startsWith('open ')) {
        const report = JSON.parse(line.slice(5)) as { recovered: unknown[] };
        if (report.recovered.length > 0) problems.push(`the store found damage at start: ${JSON.stringify(report.recovered)}`);
      }
    }
  });
  const closed = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  // The child never stops by itself: an exit before the kill is a failure, reported with its stderr.
  const outcome = await Promise.race([firstAck.then(() => 'acked' as const), closed.then(() => 'exited' as const)]);
  if (outcome === 'acked') {
    setTimeout(() => {
      killed = child.kill('SIGKILL');
    }, delayMs);
  }
  const code = await closed;
  if (!killed) problems.push(`the child exited by itself (code ${code}) before it was killed: ${stderr.trim().slice(-2000)}`);
  return { acked, problems };
}
