import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { GENESIS_HASH } from './auditChain';
import { canonicalJson } from './canonicalJson';
import { actionWrite, fakeIncident, OPERATOR } from './testing/fakeItems';
import { storeTestKit } from './testing/tempDir';
import type { WorkerStore } from './store';
import { uuidv7 } from './uuidv7';

const { keeper, dir } = storeTestKit(afterEach);

async function recordSome(store: WorkerStore, count: number) {
  let incident = fakeIncident(1);
  for (let n = 0; n < count; n += 1) {
    const write = actionWrite(uuidv7(), incident, { kind: 'note', incidentId: incident.id, noteId: `n${n}`, text: `note ${n}` }, 1000 + n);
    await store.recordAction(write);
    incident = write.after;
  }
}

/** Edits journal.db behind the store's back, as someone with the file could. */
function tamper(folder: string, sql: string) {
  const db = new Database(join(folder, 'journal.db'));
  db.exec('DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete;');
  db.exec(sql);
  db.close();
}

describe('canonicalJson', () => {
  it('sorts keys at every level and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: null, y: 'x' }], c: true } })).toBe('{"a":{"c":true,"d":[3,{"y":"x","z":null}]},"b":1}');
  });
  it('drops undefined fields as JSON does', () => {
    expect(canonicalJson({ a: undefined, b: 2 })).toBe('{"b":2}');
  });
});

describe('audit chain', () => {
  it('chains each record to the previous with sha256(prevHash + canonical JSON of the rest)', async () => {
    const folder = dir();
    const store = await keeper.open(folder, { now: () => 7000 });
    await recordSome(store, 2);
    await store.close();
    const db = new Database(join(folder, 'journal.db'), { readonly: true });
    const rows = db.prepare('SELECT * FROM audit ORDER BY seq').all() as Array<Record<string, string | number>>;
    db.close();
    const first = rows[0]!;
    expect(first.prev_hash).toBe(GENESIS_HASH);
    const content = {
      seq: 1,
      at: 7000,
      actor: { name: OPERATOR.name, role: OPERATOR.role, workstation: OPERATOR.workstation },
      actionId: first.action_id,
      event: 'note',
      before: JSON.parse(String(first.before)),
      after: JSON.parse(String(first.after)),
    };
    expect(first.hash).toBe(createHash('sha256').update(GENESIS_HASH + canonicalJson(content)).digest('hex'));
    expect(rows[1]!.prev_hash).toBe(first.hash);
  });

  it('verifies an intact chain and an empty one', async () => {
    const store = await keeper.open(dir());
    expect(await store.verifyAudit()).toEqual({ ok: true, records: 0, firstBroken: null });
    await recordSome(store, 5);
    expect(await store.verifyAudit()).toEqual({ ok: true, records: 5, firstBroken: null });
  });

  it('refuses edits and deletions through SQL (append-only triggers)', async () => {
    const folder = dir();
    const store = await keeper.open(folder);
    await recordSome(store, 1);
    const db = new Database(join(folder, 'journal.db'));
    expect(() => db.exec("UPDATE audit SET event = 'x'")).toThrow('append-only');
    expect(() => db.exec('DELETE FROM audit')).toThrow('append-only');
    db.close();
  });

  it('finds an edited record: hash mismatch', async () => {
    const folder = dir();
    const store = await keeper.open(folder);
    await recordSome(store, 5);
    tamper(folder, `UPDATE audit SET after = '{"edited":true}' WHERE seq = 3`);
    expect(await store.verifyAudit()).toEqual({ ok: false, records: 3, firstBroken: { seq: 3, reason: 'hash mismatch: the record was changed after it was written' } });
  });

  it('finds a removed record: seq gap', async () => {
    const folder = dir();
    const store = await keeper.open(folder);
    await recordSome(store, 5);
    tamper(folder, 'DELETE FROM audit WHERE seq = 2');
    expect((await store.verifyAudit()).firstBroken).toEqual({ seq: 3, reason: 'seq gap: expected record #2 next' });
  });

  it('finds a removed and renumbered record: prevHash does not match', async () => {
    const folder = dir();
    const store = await keeper.open(folder);
    await recordSome(store, 4);
    tamper(folder, 'DELETE FROM audit WHERE seq = 2; UPDATE audit SET seq = seq - 1 WHERE seq > 2;');
    expect((await store.verifyAudit()).firstBroken).toEqual({ seq: 2, reason: 'prevHash does not match the hash of record #1' });
  });

  it('finds a forged first record: prevHash is not the chain start', async () => {
    const folder = dir();
    const store = await keeper.open(folder);
    await recordSome(store, 2);
    tamper(folder, `UPDATE audit SET prev_hash = '${'f'.repeat(64)}' WHERE seq = 1`);
    expect((await store.verifyAudit()).firstBroken).toEqual({ seq: 1, reason: 'prevHash does not match the hash of the chain start (64 zeros)' });
  });

  it('exports JSON Lines with hashes, atomically, leaving no temporary file', async () => {
    const folder = dir();
    const store = await keeper.open(folder);
    await recordSome(store, 3);
    const out = join(folder, 'audit.jsonl');
    expect(await store.exportAudit(out)).toBe(3);
    const all = readFileSync(out, 'utf8').trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    const lines = all.slice(0, -1);
    expect(lines.map((line) => line.seq)).toEqual([1, 2, 3]);
    // The head checkpoint closes the export, so a copy cut at the tail shows it.
    expect(all.at(-1)).toEqual({ checkpoint: { seq: 3, hash: lines[2]!.hash, at: expect.any(Number), mac: expect.stringMatching(/^[0-9a-f]{64}$/) } });
    expect(lines[0]!.mac).toMatch(/^[0-9a-f]{64}$/);
    expect(lines[0]).toMatchObject({ prevHash: GENESIS_HASH, event: 'note', actor: OPERATOR });
    expect(lines[1]!.prevHash).toBe(lines[0]!.hash);
    expect(readdirSync(folder).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    await expect(store.exportAudit(join(folder, 'missing-dir', 'a.jsonl'))).rejects.toThrow(/ENOENT/);
  });
});
