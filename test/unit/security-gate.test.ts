import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runGate } from '../../scripts/security-gate';
import { ROOT } from '../support/console-host';

describe('security gate (Electronegativity)', () => {
  it('passes electron/ with no blocking finding and no unparsed file', async () => {
    const { failures, errors } = await runGate(join(ROOT, 'electron'));
    expect(errors).toEqual([]);
    expect(failures).toEqual([]);
  }, 60_000);

  it('fails on a planted insecure window', async () => {
    const { failures } = await runGate(join(ROOT, 'test/fixtures/insecure-electron'));
    expect(failures.some((f) => f.startsWith('CONTEXT_ISOLATION_JS_CHECK HIGH'))).toBe(true);
    expect(failures.some((f) => f.startsWith('WEB_SECURITY_JS_CHECK'))).toBe(true);
  }, 60_000);
});
