import { afterEach, describe, expect, it } from 'vitest';
import { AuditExport } from '../../shared/contract/audit';
import { reasonOf } from '../../shared/contract/reasons';
import type { OperatorProfile } from '../../shared/domain';
import { auditForDownload } from './auditDownload';
import type { AuditEntryInput } from './store/api';
import { GENESIS_HASH } from './store/auditChain';
import { OPERATOR } from './store/testing/fakeItems';
import { storeTestKit } from './store/testing/tempDir';
import { uuidv7 } from './store/uuidv7';

const { keeper, dir } = storeTestKit(afterEach);
const SUPERVISOR: OperatorProfile = { name: 'Anong S.', role: 'supervisor', workstation: 'desk-1' };

async function chainOf(count: number): Promise<string> {
  const folder = dir();
  const store = await keeper.open(folder);
  for (let n = 0; n < count; n += 1) await store.recordAudit({ at: 1_000 + n, actor: OPERATOR, actionId: uuidv7(1_000 + n), event: 'refused', before: null, after: { n } });
  return folder;
}

const parse = (text: string) => text.trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);

describe('audit:export (the window downloads the audit log)', () => {
  it('gives a supervisor the chain as JSON Lines with hashes and HMACs, the head checkpoint last', async () => {
    const folder = await chainOf(3);
    const exported = await auditForDownload({ dataDir: folder, profile: SUPERVISOR, now: () => Date.UTC(2025, 0, 2, 3, 4, 5) });
    expect(AuditExport.parse(exported)).toEqual(exported);
    expect(exported).toMatchObject({ fileName: 'audit-2025-01-02T03-04-05.jsonl', records: 3, total: 3, omitted: 0, firstSeq: 1, lastSeq: 3 });
    const lines = parse(exported.text);
    expect(lines.slice(0, -1).map((l) => l['seq'])).toEqual([1, 2, 3]);
    expect(lines[0]).toMatchObject({ prevHash: GENESIS_HASH, event: 'refused', actor: OPERATOR, mac: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(lines[1]?.['prevHash']).toBe(lines[0]?.['hash']);
    expect(lines.at(-1)).toEqual({ checkpoint: exported.checkpoint });
    expect(exported.checkpoint).toMatchObject({ seq: 3, hash: lines[2]?.['hash'] });
  });

  it('keeps the newest records within its bounds and says, first, how many older ones it left out', async () => {
    const folder = await chainOf(12);
    const byCount = await auditForDownload({ dataDir: folder, profile: SUPERVISOR, maxRecords: 5 });
    expect(byCount).toMatchObject({ records: 5, total: 12, omitted: 7, firstSeq: 8, lastSeq: 12 });
    const lines = parse(byCount.text);
    expect(lines[0]).toEqual({ truncated: { omitted: 7, total: 12, firstSeq: 8, note: expect.stringMatching(/oldest records are left out/) } });
    expect(lines.slice(1, -1).map((l) => l['seq'])).toEqual([8, 9, 10, 11, 12]);

    const newestThree = (await auditForDownload({ dataDir: folder, profile: SUPERVISOR })).text.trimEnd().split('\n').slice(-4, -1);
    const byChars = await auditForDownload({ dataDir: folder, profile: SUPERVISOR, maxBytes: newestThree.join('\n').length + 1 });
    expect(byChars).toMatchObject({ records: 3, omitted: 9, firstSeq: 10, lastSeq: 12 });
  });

  it('audits the export itself when the host has an audit chain', async () => {
    const folder = await chainOf(1);
    const audited: AuditEntryInput[] = [];
    await auditForDownload({ dataDir: folder, profile: SUPERVISOR, now: () => 5_000, audit: async (e) => void audited.push(e) });
    expect(audited).toEqual([{ at: 5_000, actor: SUPERVISOR, actionId: expect.any(String), event: 'audit:export', before: null, after: { records: 1, omitted: 0, firstSeq: 1, lastSeq: 1 } }]);
  });

  it('refuses an operator and a viewer, and says when there is no journal', async () => {
    const folder = await chainOf(1);
    for (const role of ['operator', 'viewer'] as const) {
      const refused = await auditForDownload({ dataDir: folder, profile: { ...OPERATOR, role } }).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(Error);
      expect(reasonOf(refused)).toEqual({ code: 'role-not-allowed', params: { role, action: 'audit-export' } });
    }
    await expect(auditForDownload({ dataDir: null, profile: SUPERVISOR })).rejects.toThrow(/no local journal/);
    await expect(auditForDownload({ dataDir: dir(), profile: SUPERVISOR })).rejects.toThrow(/no local journal/);
  });
});
