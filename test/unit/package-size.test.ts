import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join, matchesGlob } from 'node:path';
import { build } from 'vite';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { ROOT } from '../support/console-host';

/**
 * What electron-builder copies into app.asar from node_modules: the production dependency closure of
 * package.json, resolved the way Node does through package-lock.json's tree. Everything Vite bundles
 * belongs in devDependencies; this guard fails when the closure grows past the budget.
 */
const BUDGET_BYTES = 12 * 1024 * 1024;
const BUDGET_PACKAGES = 110;

const Deps = z.record(z.string(), z.string()).optional();
const LockEntry = z.object({ dependencies: Deps, optionalDependencies: Deps, peerDependencies: Deps, peerDependenciesMeta: z.record(z.string(), z.object({ optional: z.boolean().optional() })).optional() });
const Lock = z.object({ packages: z.record(z.string(), LockEntry) });
const Pkg = z.object({ dependencies: z.record(z.string(), z.string()), devDependencies: z.record(z.string(), z.string()) });

const Builder = z.object({ files: z.array(z.string()) });
const lock = Lock.parse(JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')));
const pkg = Pkg.parse(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')));
// electron-builder.yml's `!` patterns under node_modules (sources and object files of native modules, types).
const excluded = Builder.parse(parse(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')))
  .files.filter((pattern) => pattern.startsWith('!'))
  .map((pattern) => pattern.slice(1));

/** Node's lookup: node_modules/<name> beside the requiring package, then each parent's, up to the root. */
function resolveIn(from: string, name: string): string | null {
  for (let base = from; ; base = base.includes('/node_modules/') ? base.slice(0, base.lastIndexOf('/node_modules/')) : '') {
    const candidate = base === '' ? `node_modules/${name}` : `${base}/node_modules/${name}`;
    if (lock.packages[candidate]) return candidate;
    if (base === '') return null;
  }
}

/** The lock paths of every package the production dependencies need at run time. */
function productionClosure(roots: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const visit = (from: string, name: string, optional: boolean): void => {
    const path = resolveIn(from, name);
    if (path === null) {
      if (!optional) throw new Error(`${name} (needed by ${from || 'package.json'}) is not in package-lock.json`);
      return;
    }
    if (seen.has(path)) return;
    seen.add(path);
    const entry = lock.packages[path];
    if (!entry) return;
    for (const dep of Object.keys(entry.dependencies ?? {})) visit(path, dep, false);
    for (const dep of Object.keys(entry.optionalDependencies ?? {})) visit(path, dep, true);
    for (const dep of Object.keys(entry.peerDependencies ?? {})) visit(path, dep, entry.peerDependenciesMeta?.[dep]?.optional ?? false);
  };
  for (const name of roots) visit('', name, false);
  return seen;
}

/** Bytes of one installed package that the `files` patterns let in; nested node_modules are counted as their own packages. */
function packageBytes(relative: string): number {
  const stat = statSync(join(ROOT, relative), { throwIfNoEntry: false });
  if (!stat || excluded.some((pattern) => matchesGlob(relative, pattern))) return 0;
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(join(ROOT, relative))
    .filter((name) => name !== 'node_modules')
    .reduce((sum, name) => sum + packageBytes(`${relative}/${name}`), 0);
}

function closureBytes(paths: Iterable<string>): number {
  let total = 0;
  for (const path of paths) total += packageBytes(path);
  return total;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

describe('what goes into app.asar from node_modules', () => {
  const closure = productionClosure(Object.keys(pkg.dependencies));
  const bytes = closureBytes(closure);

  it(`stays within ${mb(BUDGET_BYTES)} and ${BUDGET_PACKAGES} packages`, () => {
    console.info(`app.asar node_modules: ${closure.size} packages, ${mb(bytes)} (budget ${mb(BUDGET_BYTES)})`);
    expect(closure.size).toBeLessThanOrEqual(BUDGET_PACKAGES);
    expect(bytes).toBeLessThanOrEqual(BUDGET_BYTES);
  });

  it('would catch the old layout, where every runtime library was a dependency', () => {
    // The renderer's libraries are bundled by Vite; shipping them again must break the budget.
    const everything = productionClosure([...Object.keys(pkg.dependencies), 'react-dom', 'maplibre-gl', '@deck.gl/layers', '@deck.gl/maplibre', 'aedes']);
    expect(closureBytes(everything)).toBeGreaterThan(BUDGET_BYTES);
  });

  it('lists exactly what the built main process requires from node_modules, and nothing Vite bundles', async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'main-bundle-'));
    await build({ configFile: join(ROOT, 'vite.electron.config.ts'), root: ROOT, logLevel: 'silent', build: { outDir, emptyOutDir: true, sourcemap: false } });
    const builtin = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`), 'electron']);
    const required = new Set<string>();
    for (const file of readdirSync(outDir).filter((name) => name.endsWith('.cjs'))) {
      // Doc comments quote require() calls too (ngraph.graph's does); only code lines count.
      const code = readFileSync(join(outDir, file), 'utf8')
        .split('\n')
        .filter((line) => !/^\s*(\*|\/\/|\/\*)/.test(line))
        .join('\n');
      for (const match of code.matchAll(/require\("([^".][^"]*)"\)/g)) {
        const spec = match[1] ?? '';
        const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : (spec.split('/')[0] ?? spec);
        if (!builtin.has(spec) && !builtin.has(name)) required.add(name);
      }
    }
    expect([...required].sort()).toEqual(Object.keys(pkg.dependencies).sort());
  }, 60_000);
});
