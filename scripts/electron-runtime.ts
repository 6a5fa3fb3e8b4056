import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export type ElectronRuntime = { ok: true; path: string } | { ok: false; reason: string };

/**
 * Finds the Electron binary, fetching it once the way the electron package does on first run.
 * Offline that fetch fails fast; we report why instead of letting the package throw.
 */
export function findElectron(options: { download: boolean } = { download: true }): ElectronRuntime {
  let dir: string;
  try {
    dir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return { ok: false, reason: 'the electron package is not installed' };
  }
  const binary = () => {
    const pathFile = join(dir, 'path.txt');
    if (!existsSync(pathFile)) return null;
    const full = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(full) ? full : null;
  };
  const found = binary();
  if (found) return { ok: true, path: found };
  if (!options.download) return { ok: false, reason: 'the Electron binary has not been downloaded (node_modules/electron/dist is missing)' };
  const fetch = spawnSync(process.execPath, [join(dir, 'install.js')], { encoding: 'utf8', timeout: 300_000 });
  const fetched = binary();
  if (fetched) return { ok: true, path: fetched };
  const why = `${fetch.stderr ?? ''}`.split('\n').find((line) => /error|fail|ENOTFOUND|EAI_AGAIN/i.test(line))?.trim();
  return { ok: false, reason: `the Electron runtime could not be downloaded${why ? ` (${why.slice(0, 160)})` : ''}` };
}
