import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Machine } from './machine';
import type { Metric } from './harness';

export interface Results {
  readonly machine: Machine;
  readonly at: string;
  readonly metrics: readonly Metric[];
}

const verdict = (m: Metric): string => (m.met === null ? '' : m.met ? 'met' : '**missed**');

export function markdown(results: Results): string {
  const { machine } = results;
  const lines = [
    `Measured ${results.at} on ${machine.cores} × ${machine.cpu}, Node ${machine.node}, Chromium ${machine.chromium}, WebGL: ${machine.webgl}.`,
    '',
    '| metric | value | unit | target | |',
    '|---|---:|---|---|---|',
    ...results.metrics.map((m) => `| \`${m.name}\`${m.note === undefined ? '' : ` (${m.note})`} | ${m.value} | ${m.unit} | ${m.target ?? ''} | ${verdict(m)} |`),
    '',
  ];
  return lines.join('\n');
}

/** Writes `latest.json` and `latest.md` into `dir`; returns their paths. */
export function writeResults(dir: string, results: Results): { json: string; md: string } {
  mkdirSync(dir, { recursive: true });
  const json = join(dir, 'latest.json');
  const md = join(dir, 'latest.md');
  writeFileSync(json, `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(md, markdown(results));
  return { json, md };
}

/** One line per metric, the figure next to its target, as the run goes. */
export function describe(m: Metric): string {
  const target = m.target === null ? '' : `  (target ${m.target}: ${m.met === true ? 'met' : 'MISSED'})`;
  return `  ${m.name.padEnd(30)} ${String(m.value).padStart(10)} ${m.unit}${target}${m.note === undefined ? '' : `  [${m.note}]`}`;
}
