import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/console-host';

describe('the preload bundle', () => {
  it('requires nothing but electron, as a sandboxed preload must', async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'preload-'));
    await build({ configFile: join(ROOT, 'vite.electron.config.ts'), mode: 'preload', root: ROOT, logLevel: 'silent', build: { outDir, emptyOutDir: true } });
    const code = readFileSync(join(outDir, 'preload.cjs'), 'utf8');
    const required = [...code.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
    expect(new Set(required)).toEqual(new Set(['electron']));
    expect(code).toContain('exposeInMainWorld');
  }, 60_000);
});
