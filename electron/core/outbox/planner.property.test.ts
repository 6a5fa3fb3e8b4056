import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OutboxEntry } from '../../../shared/domain';
import { planDeliveries, settle } from './planner';
import type { DeliveryOutcome } from './planner';

const actor = { name: 'op', role: 'operator', workstation: 'ws' } as const;

function entry(seq: number, incident: number): OutboxEntry {
  const actionId = `0190a000-0000-7000-8000-${String(seq).padStart(12, '0')}`;
  return {
    actionId,
    seq,
    action: { kind: 'note', incidentId: `i${incident}`, noteId: `n${seq}`, text: 'x' },
    actor,
    createdAt: 0,
    state: 'queued',
    attempts: 0,
    nextAttemptAt: null,
    lastError: null,
    settledAt: null,
  };
}

/** One step of a misbehaving network between the console and a platform that deduplicates by action id. */
type Fault = 'ok' | 'lost-request' | 'lost-response' | 'duplicated' | 'refused-503';

const world = fc.record({
  incidents: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 30 }),
  faults: fc.array(fc.constantFrom<Fault>('ok', 'lost-request', 'lost-response', 'duplicated', 'refused-503'), { minLength: 1, maxLength: 60 }),
  rejectedSeqs: fc.uniqueArray(fc.integer({ min: 1, max: 30 }), { maxLength: 5 }),
  /** Order in which planned sends are carried out within a round: reordering across incidents. */
  shuffle: fc.array(fc.nat(), { minLength: 1, maxLength: 10 }),
});

describe('delivery planner', () => {
  it('leaves the platform with each action applied exactly once, in order per incident, whatever the network does', () => {
    fc.assert(
      fc.property(world, ({ incidents, faults, rejectedSeqs, shuffle }) => {
        let entries = incidents.map((incident, i) => entry(i + 1, incident));
        const applied: string[] = [];
        const seen = new Set<string>();
        const rejected = new Set(rejectedSeqs);
        let now = 0;
        let step = 0;

        /** The platform: refuses some actions for good, applies each id at most once. */
        const platform = (e: OutboxEntry): DeliveryOutcome => {
          if (rejected.has(e.seq)) return { kind: 'rejected', reason: 'lifecycle conflict' };
          if (!seen.has(e.actionId)) {
            seen.add(e.actionId);
            applied.push(e.actionId);
          }
          return { kind: 'applied' };
        };

        for (let round = 0; round < 500 && entries.some((e) => e.state === 'queued'); round++) {
          const plan = planDeliveries({ entries, now, inFlight: new Set() });
          const order = plan.map((e, i) => ({ e, k: shuffle[i % shuffle.length]! + i })).sort((a, b) => a.k - b.k);
          for (const { e } of order) {
            // The network misbehaves as generated, then heals: delivery is only promised once it does.
            const fault = faults[step++] ?? 'ok';
            let outcome: DeliveryOutcome;
            if (fault === 'lost-request' || fault === 'refused-503') outcome = { kind: 'failed', reason: fault };
            else if (fault === 'lost-response') {
              platform(e);
              outcome = { kind: 'failed', reason: 'timeout' };
            } else if (fault === 'duplicated') {
              platform(e);
              outcome = platform(e);
            } else outcome = platform(e);
            const update = settle(e, outcome, now, () => 0.5);
            entries = entries.map((x) => (x.actionId === e.actionId ? { ...x, ...update } : x));
          }
          now += 61_000;
        }

        // Everything settled; every action not refused was applied exactly once; refused ones never.
        expect(entries.every((e) => e.state !== 'queued')).toBe(true);
        const expected = entries.filter((e) => !rejected.has(e.seq)).map((e) => e.actionId);
        expect([...applied].sort()).toEqual([...expected].sort());
        expect(new Set(applied).size).toBe(applied.length);
        for (const e of entries) expect(e.state).toBe(rejected.has(e.seq) ? 'rejected' : 'confirmed');
        // In order per incident.
        for (const incident of new Set(incidents)) {
          const mine = applied.filter((id) => entries.find((e) => e.actionId === id)?.action.incidentId === `i${incident}`);
          const seqs = mine.map((id) => entries.find((e) => e.actionId === id)!.seq);
          expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('holds back later actions of an incident while an earlier one is unsettled, but not other incidents', () => {
    const entries = [entry(1, 1), entry(2, 1), entry(3, 2)];
    expect(planDeliveries({ entries, now: 0, inFlight: new Set() }).map((e) => e.seq)).toEqual([1, 3]);
    expect(planDeliveries({ entries, now: 0, inFlight: new Set([entries[0]!.actionId]) }).map((e) => e.seq)).toEqual([3]);
    const rejectedFirst = [{ ...entries[0]!, state: 'rejected' as const }, entries[1]!, entries[2]!];
    expect(planDeliveries({ entries: rejectedFirst, now: 0, inFlight: new Set() }).map((e) => e.seq)).toEqual([2, 3]);
  });

  it('backs off exponentially with a cap, and honours Retry-After', () => {
    const first = settle(entry(1, 1), { kind: 'failed', reason: 'x' }, 1_000, () => 1);
    expect(first).toMatchObject({ state: 'queued', attempts: 1, nextAttemptAt: 2_000, lastError: 'x' });
    const late = settle({ ...entry(1, 1), attempts: 20 }, { kind: 'failed', reason: 'x' }, 0, () => 1);
    expect(late.nextAttemptAt).toBe(60_000);
    expect(settle(entry(1, 1), { kind: 'failed', reason: '503', retryAfterMs: 5_000 }, 0, () => 0).nextAttemptAt).toBe(5_000);
  });
});
