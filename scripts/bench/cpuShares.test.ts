import { describe, expect, it } from 'vitest';
import { coresBusy, cpuSeconds, statCpuSeconds } from './cpuShares';

describe('CPU shares from /proc', () => {
  it('reads utime and stime even when the command name has spaces and parens', () => {
    const stat = '4242 (node (x) y) S 1 4242 4242 0 -1 4194560 100 0 0 0 250 50 0 0 20 0 11 0 100 0 0';
    expect(statCpuSeconds(stat)).toBe(3);
  });

  it('counts the CPU this very process spends when it is named the console', () => {
    const before = cpuSeconds(undefined, process.pid);
    const start = process.cpuUsage();
    let x = 0;
    // Busy for 100 ms of CPU: ten of the kernel's 10 ms ticks.
    while (process.cpuUsage(start).user < 100_000) x += Math.sqrt(x + 1);
    const after = cpuSeconds(undefined, process.pid);
    expect(x).toBeGreaterThan(0);
    expect(after.console - before.console).toBeGreaterThanOrEqual(0.05);
    expect(after.emulator).toBe(0);
    expect(coresBusy(before, after, 0.5).console).toBeCloseTo((after.console - before.console) * 2, 5);
  });
});
