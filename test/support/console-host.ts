import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { z } from 'zod';

export const ROOT = resolve(import.meta.dirname, '../..');
/** Where end-to-end tests leave their screenshots; made here so a clean checkout has it before any test writes. */
export const SHOTS = join(ROOT, 'test-results');
mkdirSync(SHOTS, { recursive: true });

export interface RunningConsole {
  url: string;
  origin: string;
  secret: string;
  process: ChildProcess;
  /** A URL with a fresh one-time ticket, minted by the host for its launch secret, as a second window would get. */
  ticketUrl(): Promise<string>;
  /** What the console has logged so far. */
  stderr(): string;
  stop(): Promise<void>;
}

/** Runs `npm start -- --headless` exactly as a person would and waits for its first line: the console URL. */
export async function startHeadlessConsole(extraArgs: string[] = [], env: Record<string, string> = {}): Promise<RunningConsole> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts', '--headless', ...extraArgs], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    // Each console gets its own data folder unless the test names one: no test sees another's cache or outbox.
    env: { ...process.env, PHUKET_CONSOLE_DATA: mkdtempSync(join(tmpdir(), 'console-data-')), ...env },
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const lines = createInterface({ input: child.stdout! });
  const first = await new Promise<string>((resolveLine, reject) => {
    lines.once('line', resolveLine);
    child.once('exit', (code) => reject(new Error(`console exited with ${code} before printing its URL:\n${stderr}`)));
  });
  const url = new URL(first);
  const secret = new URLSearchParams(url.hash.slice(1)).get('secret') ?? '';
  return {
    url: first,
    origin: url.origin,
    secret,
    process: child,
    async ticketUrl() {
      const response = await fetch(`${url.origin}/ticket`, { method: 'POST', headers: { authorization: `Bearer ${secret}` } });
      if (response.status !== 201) throw new Error(`the console refused to mint a ticket: ${response.status}`);
      return z.object({ url: z.string() }).parse(await response.json()).url;
    },
    stderr: () => stderr,
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}

export interface RunningEmulator {
  url: string;
  process: ChildProcess;
  /** What the emulator has logged so far. */
  stderr(): string;
  stop(): Promise<void>;
}

/** Runs `npm run emulator` as its own process, as a separate platform would be, and waits for its URL. */
export async function startEmulatorProcess(args: string[]): Promise<RunningEmulator> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'emulator/cli.ts', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const first = await new Promise<string>((resolveLine, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolveLine);
    child.once('exit', (code) => reject(new Error(`emulator exited with ${code}:\n${stderr}`)));
  });
  return {
    url: first.trim(),
    process: child,
    stderr: () => stderr,
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null || child.signalCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGKILL');
      }),
  };
}
