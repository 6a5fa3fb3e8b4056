import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A real Debian mosquitto (MQTT 3.1.1 and 5) on a free loopback port, for tests. */
export const MOSQUITTO_BIN = process.env['MOSQUITTO_PATH'] ?? '/usr/sbin/mosquitto';

/** Why mosquitto tests cannot run here, or null when they can. */
export function mosquittoMissing(): string | null {
  return existsSync(MOSQUITTO_BIN) ? null : `mosquitto not found at ${MOSQUITTO_BIN} (Debian: apt-get install -y mosquitto, or set MOSQUITTO_PATH): mosquitto tests skipped`;
}

export interface Mosquitto {
  readonly url: string;
  readonly port: number;
  /** The broker's process id (for its CPU time in /proc/<pid>/stat). */
  readonly pid: number;
  /** Everything mosquitto logged, for a failing test's message. */
  log(): string;
  stop(): Promise<void>;
}

/** A loopback port nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

const accepts = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

const exited = (child: ChildProcess): boolean => child.exitCode !== null || child.signalCode !== null;

/**
 * Starts mosquitto and resolves once its port accepts a connection (polled, with a deadline). A test that
 * stops the broker and starts it again where its clients expect it passes the same `port` both times.
 */
export async function startMosquitto(deadlineMs = 10_000, port?: number): Promise<Mosquitto> {
  const missing = mosquittoMissing();
  if (missing !== null) throw new Error(missing);
  const dir = mkdtempSync(join(tmpdir(), 'mosquitto-'));
  port ??= await freePort();
  const conf = join(dir, 'mosquitto.conf');
  writeFileSync(conf, [`listener ${port} 127.0.0.1`, 'allow_anonymous true', 'persistence false', 'log_dest stderr', 'log_type error', 'log_type warning', ''].join('\n'));
  const child = spawn(MOSQUITTO_BIN, ['-c', conf], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  const spawnError = new Promise<Error>((resolve) => child.once('error', resolve));
  const cleanup = (): void => rmSync(dir, { recursive: true, force: true });

  const stop = async (): Promise<void> => {
    if (!exited(child)) {
      const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      await gone;
    }
    cleanup();
  };

  const deadline = Date.now() + deadlineMs;
  for (;;) {
    const failed = await Promise.race([spawnError, Promise.resolve(null)]);
    if (failed !== null || exited(child)) {
      await stop();
      throw new Error(`mosquitto did not start${failed === null ? '' : `: ${failed.message}`}\n${output}`);
    }
    if (await accepts(port)) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`mosquitto did not accept connections on ${port} within ${deadlineMs} ms\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { url: `mqtt://127.0.0.1:${port}`, port, pid: child.pid ?? 0, log: () => output, stop };
}
