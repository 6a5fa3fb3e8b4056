import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/console-host';

const eslint = new ESLint({ cwd: ROOT });

/** Lints a planted file as if it lived at `path`, and returns the rules it broke. */
async function brokenRules(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${ROOT}/${path}` });
  return (result?.messages ?? []).filter((m) => m.severity === 2).map((m) => m.ruleId ?? m.message);
}

describe('layering rules (ARCHITECTURE.md) are lint errors', () => {
  it.each([
    ['renderer/planted.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n"],
    ['renderer/planted.ts', "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n"],
    ['renderer/planted.ts', "import { startBrowserHost } from '../electron/host/server';\nexport const x = startBrowserHost;\n"],
    ['electron/core/planted.ts', "import { app } from 'electron';\nexport const x = app;\n"],
    ['electron/core/planted.ts', "import { App } from '../../renderer/App';\nexport const x = App;\n"],
    ['shared/planted.ts', "import { useState } from 'react';\nexport const x = useState;\n"],
    ['shared/planted.ts', "import { join } from 'path';\nexport const x = join;\n"],
    ['emulator/planted.ts', "import { app } from 'electron';\nexport const x = app;\n"],
    ['emulator/planted.ts', "import { dispatch } from '../electron/core/dispatch';\nexport const x = dispatch;\n"],
    ['electron/preload/planted.ts', "import { shell } from 'electron';\nexport const x = shell;\n"],
    ['electron/host/planted.ts', "import { app } from 'electron';\nexport const x = app;\n"],
  ])('%s: %s', async (path, code) => {
    expect(await brokenRules(path, code)).toContain('no-restricted-imports');
  });

  it('refuses a cast where a schema should validate', async () => {
    expect(await brokenRules('electron/core/planted.ts', 'export const x = JSON.parse("1") as number;\n')).toContain(
      '@typescript-eslint/consistent-type-assertions',
    );
  });

  it('accepts imports that the architecture allows', async () => {
    expect(await brokenRules('renderer/planted.ts', "import { contract } from '../shared/contract';\nexport const x = contract;\n")).toEqual([]);
    expect(await brokenRules('electron/core/planted.ts', "import { contract } from '../../shared/contract';\nexport const x = contract;\n")).toEqual([]);
    expect(await brokenRules('electron/preload/planted.ts', "import { contextBridge } from 'electron';\nexport const x = contextBridge;\n")).toEqual([]);
  });
});
