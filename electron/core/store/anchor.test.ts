import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AUDIT_HEAD_FILE } from './auditAnchor';
import { GENESIS_HASH, hashRecord, readAuditRow } from './auditChain';
import { journalMigrations } from './migrations/journal';
import { migrate } from './migrate';
import { actionWrite, fakeIncident, OPERATOR } from './testing/fakeItems';
import { storeTestKit } from './testing/tempDir';
import type { WorkerStore } from './store';
import { uuidv7 } from './uuidv7';

const { keeper, dir } = storeTestKit(afterEach);
const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

async function recordSome(store: WorkerStore, count: number) {
  let incident = fakeIncident(1);
  for (let n = 0; n < count; n += 1) {
    const write = actionWrite(uuidv7(), incident, { kind: 'note', incidentId: incident.id, noteId: `n${n}`, text: `note ${n}` }, 1000 + n);
    await store.recordAction(write);
    incident = write.after;
  }
}

/** Edits journal.db behind the console's back, with the triggers dropped, as someone holding the file could. */
function tamper(folder: string, edit: (db: Database.Database) => void) {
  const db = new Database(join(folder, 'journal.db'));
  db.exec('DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete; DROP TRIGGER audit_mac_no_update; DROP TRIGGER audit_mac_no_delete;');
  edit(db);
  db.close();
}

/** Rewrites the chain from `from` on, recomputing every sha256 so the hashes alone still check out. */
function rewriteFrom(db: Database.Database, from: number) {
  db.prepare(`UPDATE audit SET after = '{"rewritten":true}' WHERE seq = ?`).run(from);
  let prevHash = GENESIS_HASH;
  for (const row of db.prepare('SELECT * FROM audit ORDER BY seq').all()) {
    const read = readAuditRow(row);
    if (!read.ok) throw new Error(read.reason);
    const hash = hashRecord(prevHash, read.record);
    db.prepare('UPDATE audit SET prev_hash = ?, hash = ? WHERE seq = ?').run(prevHash, hash, read.record.seq);
    prevHash = hash;
  }
}

const verifyCli = (folder: string) => spawnSync(process.execPath, ['--import', 'tsx', 'scripts/audit.ts', 'verify', '--dir', folder], { cwd: ROOT, encoding: 'utf8' }).stdout.trim();

describe('anchored audit chain', () => {
  it('detects a cut tail: the chain ends before the head checkpoint, in audit:verify and after a restart', async () => {
    const folder = dir();
    const store = await keeper.open(folder);
    await recordSome(store, 5);
    await store.close();
    tamper(folder, (db) => db.exec('DELETE FROM audit WHERE seq > 3; DELETE FROM audit_mac WHERE seq > 3;'));

    expect(verifyCli(folder)).toBe('audit chain BROKEN at record #4: the chain ends at seq 3 but the checkpoint says 5: records were cut from the tail');
    // The console opens anyway, and the cut stays on record even though its next write moves the checkpoint on.
    const again = await keeper.open(folder);
    await recordSome(again, 1);
    expect(await again.verifyAudit()).toMatchObject({
      ok: false,
      firstBroken: { seq: 4, reason: expect.stringContaining('records were cut from the tail (the chain ended at seq 3 but the checkpoint said 5)') },
    });
  }, 30_000);

  it('detects a rewritten chain whose every sha256 was recomputed: HMAC mismatch', async () => {
    const folder = dir();
    const store = await keeper.open(folder);
    await recordSome(store, 5);
    expect(await store.verifyAudit()).toEqual({ ok: true, records: 5, firstBroken: null });
    await store.close();
    tamper(folder, (db) => rewriteFrom(db, 2));

    expect(verifyCli(folder)).toBe("audit chain BROKEN at record #2: HMAC mismatch: the chain was rewritten (its hashes recomputed) without this installation's key");
  }, 30_000);

  it('detects a rewrite that also removed every HMAC, and one that moved the checkpoint away', async () => {
    const folder = dir();
    const store = await keeper.open(folder);
    await recordSome(store, 3);
    await store.close();
    tamper(folder, (db) => {
      rewriteFrom(db, 1);
      db.exec('DELETE FROM audit_mac');
    });
    expect(verifyCli(folder)).toBe("audit chain BROKEN at record #1: the record has no HMAC: it was added without this installation's key");
    rmSync(join(folder, AUDIT_HEAD_FILE));
    const again = await keeper.open(folder);
    // With the checkpoint gone the chain looks like one from before anchoring, but its absence is on record.
    expect((await again.verifyAudit()).firstBroken).toEqual({ seq: 4, reason: 'found when the console opened: the head checkpoint (audit.head) was missing' });
  }, 30_000);

  it('anchors a journal from a console before anchoring once, at its first open', async () => {
    const folder = dir();
    const old = new Database(join(folder, 'journal.db'));
    migrate(old, 'journal.db', journalMigrations.slice(0, 3));
    const actor = OPERATOR;
    const hash = hashRecord(GENESIS_HASH, { seq: 1, at: 5, actor, actionId: 'a1', event: 'acknowledge', before: null, after: null });
    old.prepare("INSERT INTO audit VALUES (1, 5, ?, ?, ?, 'a1', 'acknowledge', 'null', 'null', ?, ?)").run(actor.name, actor.role, actor.workstation, GENESIS_HASH, hash);
    old.close();
    const store = await keeper.open(folder);
    expect(await store.verifyAudit()).toEqual({ ok: true, records: 1, firstBroken: null });
    const head = z.object({ seq: z.number(), hash: z.string() }).parse(JSON.parse(readFileSync(join(folder, AUDIT_HEAD_FILE), 'utf8')));
    expect(head).toMatchObject({ seq: 1, hash });
  });

  it('audits a profile change, and not the same profile twice', async () => {
    const store = await keeper.open(dir());
    expect(await store.auditProfile(OPERATOR, uuidv7())).toBe(true);
    expect(await store.auditProfile(OPERATOR, uuidv7())).toBe(false);
    expect(await store.auditProfile({ ...OPERATOR, role: 'supervisor' }, uuidv7())).toBe(true);
    expect(await store.verifyAudit()).toEqual({ ok: true, records: 2, firstBroken: null });
  });
});
