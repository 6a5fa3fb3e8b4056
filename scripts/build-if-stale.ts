import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newest(path: string): number {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

/** Rebuilds an output when any of its inputs is newer, so `npm start` always serves what is in the tree. */
export function buildIfStale(root: string, output: string, inputs: string[], npmScript: string): void {
  const built = newest(join(root, output));
  if (built > 0 && inputs.every((input) => newest(join(root, input)) <= built)) return;
  console.error(`building ${output} (npm run ${npmScript})…`);
  execFileSync('npm', ['run', '--silent', npmScript], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
}

export function buildRendererIfStale(root: string): void {
  buildIfStale(root, 'dist/renderer/index.html', ['renderer', 'shared', 'assets', 'vite.renderer.config.ts', 'package.json'], 'build:renderer');
}
