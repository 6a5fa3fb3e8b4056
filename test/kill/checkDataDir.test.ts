import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { actionWrite, fakeIncident } from '../../electron/core/store/testing/fakeItems';
import { storeKeeper, tempDir } from '../../electron/core/store/testing/tempDir';
import { uuidv7 } from '../../electron/core/store/uuidv7';
import { checkDataDir } from './checkDataDir';

// The harness is only as good as its check: each kind of damage it looks for must be found.
const keeper = storeKeeper();
const dirs: Array<() => void> = [];
afterEach(async () => {
  await keeper.closeAll();
  for (const remove of dirs.splice(0)) remove();
});

async function folderWithActions() {
  const { dir, remove } = tempDir();
  dirs.push(remove);
  const store = await keeper.open(dir);
  const ids: string[] = [];
  let incident = fakeIncident(1);
  for (let n = 0; n < 3; n += 1) {
    const write = actionWrite(uuidv7(), incident, { kind: 'note', incidentId: incident.id, noteId: `n${n}`, text: 't' }, 1000 + n);
    await store.recordAction(write);
    ids.push(write.entry.actionId);
    incident = write.after;
  }
  await store.close();
  return { dir, ids };
}

function edit(dir: string, sql: string) {
  const db = new Database(join(dir, 'journal.db'));
  db.exec(`DROP TRIGGER IF EXISTS audit_no_update; DROP TRIGGER IF EXISTS audit_no_delete; ${sql}`);
  db.close();
}

describe('checkDataDir', () => {
  it('passes a healthy folder', async () => {
    const { dir, ids } = await folderWithActions();
    expect(checkDataDir(dir, ids)).toMatchObject({ problems: [], missing: 0, outbox: 3, audit: 3 });
  });

  it('finds an acknowledged action that is missing', async () => {
    const { dir, ids } = await folderWithActions();
    const result = checkDataDir(dir, [...ids, uuidv7()]);
    expect(result.missing).toBe(1);
    expect(result.problems[0]).toMatch(/is not in the outbox/);
  });

  it('finds an outbox row without its audit record (a half transaction)', async () => {
    const { dir, ids } = await folderWithActions();
    edit(dir, `DELETE FROM audit WHERE seq = 3`);
    expect(checkDataDir(dir, ids).problems).toEqual(expect.arrayContaining([expect.stringMatching(/has no audit record/), expect.stringMatching(/0 creation audit records/)]));
  });

  it('finds local state out of step with the outbox', async () => {
    const { dir, ids } = await folderWithActions();
    edit(dir, `UPDATE local_incidents SET incident = '{}'`);
    expect(checkDataDir(dir, ids).problems).toEqual([expect.stringMatching(/is not the after of its last action/)]);
  });

  it('finds a broken chain', async () => {
    const { dir, ids } = await folderWithActions();
    edit(dir, `UPDATE audit SET at = 1 WHERE seq = 2`);
    expect(checkDataDir(dir, ids).problems).toEqual([expect.stringMatching(/audit chain broken at #2/)]);
  });
});
