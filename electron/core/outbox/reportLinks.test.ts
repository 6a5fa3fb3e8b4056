import { describe, expect, it } from 'vitest';
import type { OperatorAction, OutboxEntry } from '../../../shared/domain';
import type { ActionDelivery, DeliveryOutcome } from './actionDelivery';
import type { ReportLinkResult } from './reportLinks';
import { withReportLinks } from './reportLinks';
import { SUPERVISOR } from './testing/outboxKit';

const entry = (action: OperatorAction): OutboxEntry => ({ actionId: '0190a6f0-0000-7000-8000-000000000001', seq: 1, action, actor: SUPERVISOR, createdAt: 1, state: 'queued', attempts: 0, nextAttemptAt: null, lastError: null, settledAt: null });
const note: OperatorAction = { kind: 'note', incidentId: 'i1', noteId: 'n1', text: 'Citizen report attached', reportId: 'r1' };

function platform(outcome: DeliveryOutcome): ActionDelivery & { calls: number } {
  const delivery = {
    name: 'ngsi',
    calls: 0,
    deliver: async () => {
      delivery.calls++;
      return outcome;
    },
  };
  return delivery;
}

describe('actions that link a citizen report', () => {
  it('pass a run of plain notes through to the platform, and send one that names a report alone', async () => {
    const runs: number[] = [];
    const inner: ActionDelivery = { name: 'ngsi', deliver: () => Promise.resolve({ kind: 'applied' }), deliverNotes: (entries) => (runs.push(entries.length), Promise.resolve({ kind: 'applied' })) };
    const plain = entry({ kind: 'note', incidentId: 'i1', noteId: 'n2', text: 'plain' });
    const wrapped = withReportLinks(inner, null);
    expect(await wrapped.deliverNotes?.([plain, plain])).toEqual({ kind: 'applied' });
    expect(await wrapped.deliverNotes?.([plain, entry(note)])).toMatchObject({ kind: 'split' });
    expect(runs).toEqual([2]);
    // A platform port without runs stays without them.
    expect(withReportLinks(platform({ kind: 'applied' }), null).deliverNotes).toBeUndefined();
  });

  it('link the report only after the incident change is applied, and report the link outcome', async () => {
    const links: [string, string][] = [];
    const linker = async (reportId: string, incidentId: string): Promise<ReportLinkResult> => (links.push([reportId, incidentId]), { outcome: 'applied', detail: '' });
    expect(await withReportLinks(platform({ kind: 'applied' }), linker).deliver(entry(note), { platform: null })).toEqual({ kind: 'applied' });
    expect(links).toEqual([['r1', 'i1']]);
    expect(await withReportLinks(platform({ kind: 'failed', reason: 'down' }), linker).deliver(entry(note), { platform: null })).toEqual({ kind: 'failed', reason: 'down' });
    expect(links).toHaveLength(1);
  });

  it('try the whole action again while the reports platform is unreachable, and refuse it for good on a conflict', async () => {
    const answer = (result: ReportLinkResult) => async () => result;
    const inner = platform({ kind: 'applied' });
    expect(await withReportLinks(inner, answer({ outcome: 'unreachable', detail: 'timeout' })).deliver(entry(note), { platform: null })).toMatchObject({ kind: 'failed', reason: expect.stringMatching(/r1 not linked yet: timeout/) });
    expect(await withReportLinks(inner, answer({ outcome: 'conflict', detail: 'linked to i9' })).deliver(entry(note), { platform: null })).toMatchObject({ kind: 'rejected', reason: expect.stringMatching(/already linked to another incident/) });
    expect(await withReportLinks(inner, answer({ outcome: 'not-found', detail: '404' })).deliver(entry(note), { platform: null })).toMatchObject({ kind: 'rejected' });
    const throwing = async (): Promise<ReportLinkResult> => {
      throw new Error('bug');
    };
    expect(await withReportLinks(inner, throwing).deliver(entry(note), { platform: null })).toMatchObject({ kind: 'failed' });
    expect(await withReportLinks(inner, null).deliver(entry(note), { platform: null })).toMatchObject({ kind: 'rejected', reason: expect.stringMatching(/no citizen-report platform/) });
  });

  it('leave every other action to the platform alone', async () => {
    const ack: OperatorAction = { kind: 'acknowledge', incidentId: 'i1' };
    const never = async (): Promise<ReportLinkResult> => {
      throw new Error('must not be called');
    };
    expect(await withReportLinks(platform({ kind: 'applied' }), never).deliver(entry(ack), { platform: null })).toEqual({ kind: 'applied' });
    expect(await withReportLinks(platform({ kind: 'applied' }), never).deliver(entry({ ...note, reportId: undefined }), { platform: null })).toEqual({ kind: 'applied' });
  });
});
