import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeError, faultSummary, guarded, recordFault } from './processGuards';

const ROOT = join(import.meta.dirname, '../..');

describe('process guards', () => {
  it('keeps a process alive through an exception thrown in a timer and a rejected promise, logging and counting both', () => {
    const script = `
      import { installProcessGuards, faultSummary } from './electron/core/processGuards.ts';
      installProcessGuards();
      setTimeout(() => { throw new Error('thrown in a timer'); }, 1);
      setTimeout(() => void Promise.reject(new Error('rejected, never caught')), 2);
      setTimeout(() => console.log(JSON.stringify(faultSummary())), 50);
    `;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ faults: 2, lastFault: { reason: 'unhandled rejection: Error: rejected, never caught' } });
    expect(run.stderr).toMatch(/core fault survived.*thrown in a timer/);
  });

  it('guarded callbacks record instead of throwing', () => {
    const before = faultSummary().faults;
    const callback = guarded('test callback', (n: number) => {
      if (n > 1) throw new RangeError(`too big: ${n}`);
    });
    expect(() => callback(2)).not.toThrow();
    expect(faultSummary()).toMatchObject({ faults: before + 1, lastFault: { reason: 'test callback: RangeError: too big: 2' } });
  });

  it('describes anything thrown without throwing itself', () => {
    const hostile = {
      toString() {
        throw new Error('no');
      },
    };
    expect(describeError(Object.create(null))).toBe('an error that cannot be described');
    expect(describeError(hostile)).toBe('an error that cannot be described');
    expect(() => recordFault('hostile', hostile)).not.toThrow();
  });
});
