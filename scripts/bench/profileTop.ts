/**
 * `npx tsx scripts/bench/profileTop.ts <file.cpuprofile> [n]`: the functions with the most self time in a V8 CPU
 * profile (from `node --cpu-prof`), for a benchmark that misses its target: where the time goes, in one table.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { CpuProfile, topFunctions } from './cpuProfile';

const [file, n] = process.argv.slice(2);
if (file !== undefined) {
  const profile = CpuProfile.parse(JSON.parse(readFileSync(file, 'utf8')));
  console.table(topFunctions(profile, Number(n ?? 25), (frame) => ` ${relative(process.cwd(), frame.url.replace('file://', ''))}:${frame.lineNumber + 1}`));
}
