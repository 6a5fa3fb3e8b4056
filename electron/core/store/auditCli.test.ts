import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, expect, it } from 'vitest';
import { actionWrite, fakeIncident } from './testing/fakeItems';
import { storeKeeper, tempDir } from './testing/tempDir';
import { uuidv7 } from './uuidv7';

// scripts/audit.ts, run as an administrator would.
const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const keeper = storeKeeper();
const dirs: Array<() => void> = [];
afterEach(async () => {
  await keeper.closeAll();
  for (const remove of dirs.splice(0)) remove();
});

function audit(...args: string[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/audit.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: run.status, out: run.stdout.trim(), err: run.stderr.trim() };
}

it('verifies, reports the first broken record with exit 1, and exports JSON Lines', async () => {
  const { dir, remove } = tempDir();
  dirs.push(remove);
  const store = await keeper.open(dir);
  const incident = fakeIncident(1);
  await store.recordAction(actionWrite(uuidv7(), incident, { kind: 'acknowledge', incidentId: incident.id }, 1));
  await store.recordAction(actionWrite(uuidv7(), incident, { kind: 'status', incidentId: incident.id, status: 'resolved' }, 2));
  await store.close();

  expect(audit('verify', '--dir', dir)).toEqual({ code: 0, out: 'audit chain ok: 2 records', err: '' });
  const out = join(dir, 'audit.jsonl');
  expect(audit('export', '--dir', dir, '--out', out)).toMatchObject({ code: 0, out: `exported 2 audit records to ${out}` });
  // Two records and the head checkpoint.
  expect(readFileSync(out, 'utf8').trimEnd().split('\n')).toHaveLength(3);

  const db = new Database(join(dir, 'journal.db'));
  db.exec("DROP TRIGGER audit_no_update; UPDATE audit SET actor_name = 'someone else' WHERE seq = 2");
  db.close();
  expect(audit('verify', '--dir', dir)).toMatchObject({ code: 1, out: 'audit chain BROKEN at record #2: hash mismatch: the record was changed after it was written' });
  expect(audit('verify', '--dir', join(dir, 'nowhere'))).toMatchObject({ code: 2, err: `no journal.db in ${join(dir, 'nowhere')}` });
}, 60_000);
