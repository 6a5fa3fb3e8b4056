/**
 * `npm run config:check FILE`: validates one console config file (machine-wide or a user's) against the
 * schema the console reads it with. Prints each bad field, or "ok", and exits 1 or 0, for IT's deployment checks.
 */
import { readFileSync } from 'node:fs';
import { checkSettingsFile } from '../electron/core/settings/load';

const [file] = process.argv.slice(2);
if (file === undefined) {
  console.error('usage: npm run config:check -- FILE   (e.g. /etc/phuket-console/config.json)');
  process.exit(2);
}
let text: string;
try {
  text = readFileSync(file, 'utf8');
} catch (error) {
  console.error(`${file}: cannot be read: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
const problems = checkSettingsFile(file, text);
for (const problem of problems) console.error(`${file}: ${problem.field}: ${problem.message}`);
console.log(problems.length === 0 ? `${file}: ok` : `${file}: ${problems.length} problem${problems.length === 1 ? '' : 's'}`);
process.exit(problems.length === 0 ? 0 : 1);
