import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, matchesGlob, relative } from 'node:path';
import { build } from 'vite';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { ROOT } from '../support/console-host';

// The real build needs the Electron download (an online machine); here we check the config says what it must,
// and evaluate its `files` and `asarUnpack` globs against what `npm run build` produces.
const Config = z.looseObject({
  appId: z.string(),
  productName: z.string(),
  copyright: z.string(),
  directories: z.object({ buildResources: z.string(), output: z.string() }),
  files: z.array(z.string()),
  asarUnpack: z.array(z.string()),
  asar: z.literal(true),
  npmRebuild: z.boolean(),
  electronFuses: z.record(z.string(), z.boolean()),
  linux: z.looseObject({ target: z.array(z.string()), icon: z.string(), category: z.string(), executableName: z.string(), extraResources: z.array(z.object({ from: z.string(), to: z.string() })) }),
  deb: z.looseObject({ depends: z.array(z.string()), fpm: z.array(z.string()) }),
  win: z.looseObject({ target: z.array(z.string()), icon: z.string() }),
});
const config = Config.parse(parse(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')));
const pkg = z.looseObject({ main: z.string(), dependencies: z.record(z.string(), z.string()) }).parse(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')));

/**
 * electron-builder's rule: patterns in order, a `!` pattern takes out what earlier ones let in. The production
 * dependencies' node_modules are copied without being listed, so only the `!` patterns apply to them.
 */
function selected(patterns: readonly string[], path: string): boolean {
  let inside = path.startsWith('node_modules/');
  for (const pattern of patterns) {
    if (pattern.startsWith('!')) {
      if (inside && matchesGlob(path, pattern.slice(1))) inside = false;
    } else if (matchesGlob(path, pattern)) inside = true;
  }
  return inside;
}

function walk(dir: string, base: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? walk(full, base) : [relative(base, full).split('\\').join('/')];
  });
}

describe('electron-builder.yml', () => {
  it('builds AppImage and deb for Linux, NSIS and MSI for Windows, with the app named and categorised', () => {
    expect(config.linux.target).toEqual(expect.arrayContaining(['AppImage', 'deb']));
    expect(config.win.target).toEqual(expect.arrayContaining(['nsis', 'msi']));
    expect(config.appId).toBe('th.go.phuket.commandconsole');
    expect(config.productName).toBe('Phuket Command Console');
    expect(config.copyright).toMatch(/©/);
    expect(config.linux.category).toBe('Network');
  });

  it("keeps electron-builder's default deb dependencies and adds the Thai fonts", () => {
    // app-builder-lib 26, FpmTarget.getDefaultDepends("deb"): a `depends` list replaces these, so it must repeat them.
    const source = readFileSync(join(ROOT, 'node_modules/app-builder-lib/out/targets/FpmTarget.js'), 'utf8');
    const defaults = /case "deb":\s*return (\[[^\]]*\])/.exec(source)?.[1];
    expect(defaults).toBeDefined();
    expect(config.deb.depends).toEqual([...z.array(z.string()).parse(JSON.parse(defaults ?? '[]')), 'fonts-thai-tlwg']);
  });

  it('unpacks and rebuilds better-sqlite3 for Electron', () => {
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

  it('has the icons every target needs, drawn from the one SVG', () => {
    const res = join(ROOT, config.directories.buildResources);
    expect(readFileSync(join(res, 'icon.svg'), 'utf8')).toContain('<svg');
    const pngSize = (file: string) => {
      const png = readFileSync(file);
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      return [png.readUInt32BE(16), png.readUInt32BE(20)];
    };
    for (const size of [16, 24, 32, 48, 64, 128, 256, 512, 1024]) expect(pngSize(join(res, config.linux.icon, `${size}x${size}.png`))).toEqual([size, size]);
    expect(pngSize(join(res, 'icon.png'))).toEqual([1024, 1024]);
    // An .ico directory: reserved 0, type 1, then one 16-byte entry per image (width 0 means 256).
    const ico = readFileSync(join(res, config.win.icon));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
    const widths = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => ico.readUInt8(6 + 16 * i) || 256);
    expect(widths).toEqual(expect.arrayContaining([16, 32, 48, 256]));
  });

  it('ships the watchdog unit, restarting on failure, in both Linux packages', () => {
    const unit = config.linux.extraResources.find((r) => r.from.endsWith('phuket-console.service'));
    expect(unit).toBeDefined();
    const text = readFileSync(join(ROOT, unit?.from ?? ''), 'utf8');
    expect(text).toMatch(/^Restart=on-failure$/m);
    expect(text).toMatch(new RegExp(`^ExecStart=/usr/bin/${config.linux.executableName}$`, 'm'));
    expect(config.deb.fpm).toContain(`${unit?.from ?? ''}=/usr/lib/systemd/user/phuket-console.service`);
  });
});

describe('what the packaged app contains, from the built folders', () => {
  let files: string[] = [];

  beforeAll(async () => {
    // The main and preload bundles, built fresh (seconds); the renderer as `npm test` built it, or built here.
    const app = mkdtempSync(join(tmpdir(), 'app-contents-'));
    const electronOut = join(app, 'dist-electron');
    await build({ configFile: join(ROOT, 'vite.electron.config.ts'), root: ROOT, logLevel: 'silent', build: { outDir: electronOut, emptyOutDir: true } });
    await build({ configFile: join(ROOT, 'vite.electron.config.ts'), mode: 'preload', root: ROOT, logLevel: 'silent', build: { outDir: electronOut, emptyOutDir: false } });
    let rendererBase = ROOT;
    if (!existsSync(join(ROOT, 'dist/renderer/index.html'))) {
      rendererBase = app;
      await build({ configFile: join(ROOT, 'vite.renderer.config.ts'), root: join(ROOT, 'renderer'), logLevel: 'silent', build: { outDir: join(app, 'dist/renderer'), emptyOutDir: true } });
    }
    const sqlite = join(ROOT, 'node_modules/better-sqlite3');
    files = [...walk(electronOut, app), ...walk(join(rendererBase, 'dist/renderer'), rendererBase), 'package.json', ...walk(sqlite, ROOT), 'test/unit/packaging.test.ts', 'electron/main/main.ts'].filter((path) =>
      selected(config.files, path),
    );
  }, 180_000);

  it('holds the main, store-worker and preload bundles, the renderer and package.json, whose main it names', () => {
    expect(files).toEqual(expect.arrayContaining(['dist-electron/main.cjs', 'dist-electron/storeWorker.cjs', 'dist-electron/preload.cjs', 'dist/renderer/index.html', 'package.json', pkg.main]));
    expect(files.some((f) => /^dist\/renderer\/assets\/.+\.js$/.test(f))).toBe(true);
    expect(files.some((f) => f.startsWith('dist/renderer/fonts/'))).toBe(true);
  });

  it('holds no source maps, no tests and no sources', () => {
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    expect(files.filter((f) => /\.(test|e2e)\.|^test\//.test(f))).toEqual([]);
    expect(files.filter((f) => /^(electron|renderer|shared)\//.test(f))).toEqual([]);
  });

  it("unpacks better-sqlite3's native addon from the asar, and leaves its sources and object files out", () => {
    const addon = 'node_modules/better-sqlite3/build/Release/better_sqlite3.node';
    expect(files).toContain(addon);
    expect(config.asarUnpack.some((pattern) => matchesGlob(addon, pattern))).toBe(true);
    expect(files.filter((f) => /better-sqlite3\/(deps|src)\/|obj\.target|\.a$/.test(f))).toEqual([]);
    // The JavaScript that loads it ships too.
    expect(files).toContain('node_modules/better-sqlite3/lib/index.js');
  });
});
