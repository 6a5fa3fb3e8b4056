/**
 * CPU seconds used so far by each process of the live path, from /proc (Linux): the emulator, the console (core,
 * store worker and host in one process) and Chromium's renderer and GPU processes (software WebGL draws in the GPU
 * process). Two readings a measurement apart say which part held the machine's cores.
 */
import { readFileSync, readdirSync } from 'node:fs';

export type CpuRole = 'emulator' | 'console' | 'chromium renderer' | 'chromium gpu' | 'chromium other';
export type CpuSeconds = Record<CpuRole, number>;

const TICKS_PER_S = 100;

/** utime + stime of a /proc/<pid>/stat line, in seconds (fields 14 and 15, counted after the command's closing paren). */
export function statCpuSeconds(stat: string): number {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11] ?? 0) + Number(fields[12] ?? 0)) / TICKS_PER_S;
}

function read(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    // The process ended between listing and reading: it has no share to count.
    return null;
  }
}

function chromiumRole(args: string): CpuRole {
  if (args.includes('--type=renderer')) return 'chromium renderer';
  if (args.includes('--type=gpu-process')) return 'chromium gpu';
  return 'chromium other';
}

export function cpuSeconds(emulatorPid: number | undefined, consolePid: number | undefined): CpuSeconds {
  const out: CpuSeconds = { emulator: 0, console: 0, 'chromium renderer': 0, 'chromium gpu': 0, 'chromium other': 0 };
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    const stat = read(`/proc/${entry}/stat`);
    if (stat === null) continue;
    let role: CpuRole | null = null;
    if (pid === emulatorPid) role = 'emulator';
    else if (pid === consolePid) role = 'console';
    else if (stat.includes('(chromium)')) role = chromiumRole(read(`/proc/${entry}/cmdline`)?.replaceAll('\0', ' ') ?? '');
    if (role !== null) out[role] += statCpuSeconds(stat);
  }
  return out;
}

/** Cores each role kept busy between two readings `seconds` apart. */
export function coresBusy(before: CpuSeconds, after: CpuSeconds, seconds: number): CpuSeconds {
  const share = (role: CpuRole) => (after[role] - before[role]) / seconds;
  return { emulator: share('emulator'), console: share('console'), 'chromium renderer': share('chromium renderer'), 'chromium gpu': share('chromium gpu'), 'chromium other': share('chromium other') };
}
