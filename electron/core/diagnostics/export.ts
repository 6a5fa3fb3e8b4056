import { createWriteStream, existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ZipFile } from 'yazl';
import { scrubText } from '../log/redact';

export interface DiagnosticsInput {
  /** Where the zip is written (the data folder). */
  readonly dataDir: string;
  /** The log folder: console.log and its rotated predecessors. */
  readonly logDir: string | null;
  /** The config in effect, secrets already replaced (electron/core/settings/view.ts). */
  readonly settings: unknown;
  /** The store's health (store:status) and anything else worth a look, as JSON. */
  readonly health: unknown;
  readonly about: unknown;
  readonly now: Date;
}

const LOG_FILE = /console\.log$/;

/**
 * `diagnostics-<time>.zip` in the data folder: the logs (scrubbed again, in case an old line predates the
 * redaction), the config in effect with secrets redacted, the About data and the database health. Written
 * beside and renamed, so a half-written zip never appears. Returns its path.
 */
export async function exportDiagnostics(input: DiagnosticsInput): Promise<string> {
  const stamp = input.now.toISOString().replace(/[:.]/g, '-');
  const path = join(input.dataDir, `diagnostics-${stamp}.zip`);
  const temporary = `${path}.tmp`;
  const zip = new ZipFile();
  const mtime = input.now;
  const json = (value: unknown) => Buffer.from(`${JSON.stringify(value, null, 2)}\n`);
  zip.addBuffer(json(input.settings), 'config-in-effect.json', { mtime });
  zip.addBuffer(json(input.health), 'database-health.json', { mtime });
  zip.addBuffer(json(input.about), 'about.json', { mtime });
  if (input.logDir && existsSync(input.logDir)) {
    for (const name of readdirSync(input.logDir).filter((n) => LOG_FILE.test(n) && statSync(join(input.logDir ?? '', n)).isFile())) {
      zip.addBuffer(Buffer.from(scrubText(readFileSync(join(input.logDir, name), 'utf8'))), `logs/${name}`, { mtime });
    }
  }
  zip.end();
  await new Promise<void>((resolve, reject) => {
    const out = createWriteStream(temporary, { mode: 0o600 });
    out.once('error', reject);
    zip.outputStream.once('error', reject);
    out.once('close', () => resolve());
    zip.outputStream.pipe(out);
  }).catch((error: unknown) => {
    rmSync(temporary, { force: true });
    throw error;
  });
  renameSync(temporary, path);
  return path;
}
