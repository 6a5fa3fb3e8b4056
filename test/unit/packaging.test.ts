import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../support/console-host';

// The real build needs the Electron download (an online machine); here we check the config says what it must.
const config = parse(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8'));
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

describe('electron-builder.yml', () => {
  it('builds AppImage and deb for Linux and an NSIS installer for Windows', () => {
    expect(config.linux.target).toEqual(expect.arrayContaining(['AppImage', 'deb']));
    expect(config.win.target).toEqual(expect.arrayContaining(['nsis']));
  });

  it('unpacks and rebuilds better-sqlite3 for Electron', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack.join(' ')).toContain('better-sqlite3');
    expect(config.npmRebuild).toBe(true);
    expect(pkg.dependencies['better-sqlite3']).toMatch(/^\^?12\./);
  });

  it('sets the hardening fuses', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('ships the built main, preload and renderer, and package.json points at the main', () => {
    expect(config.files).toEqual(expect.arrayContaining(['dist-electron/**', 'dist/renderer/**']));
    expect(pkg.main).toBe('dist-electron/main.cjs');
  });
});
