/**
 * `outbox_drain_10k_s`: actions queued while the platform is unreachable (each durable before it is "queued"),
 * then the link returns: seconds until every one is confirmed. Checked, not assumed: the emulator applied each
 * action exactly once, and in the order it was queued within each incident.
 */
import { setFault } from '../../test/support/emulator-control';
import type { Bench, BenchContext, Metric } from './harness';
import { atMost, metric, until } from './harness';
import { startCoreRig } from './coreRig';

/** Why the emulator's log breaks exactly-once or per-incident order, or null when it keeps both. */
export function deliveryFault(queued: readonly { actionId: string; incidentId: string }[], log: readonly { actionId: string; entityId: string; outcome: string }[]): string | null {
  const position = new Map(queued.map((q, i) => [q.actionId, i]));
  const applied = new Map<string, number>();
  const lastInIncident = new Map<string, number>();
  for (const entry of log) {
    if (entry.outcome !== 'applied') continue;
    const at = position.get(entry.actionId);
    if (at === undefined) continue;
    applied.set(entry.actionId, (applied.get(entry.actionId) ?? 0) + 1);
    const incident = queued[at]?.incidentId ?? '';
    if ((lastInIncident.get(incident) ?? -1) > at) return `action ${at} applied after a later one of ${incident}`;
    lastInIncident.set(incident, at);
  }
  const missing = queued.filter((q) => applied.get(q.actionId) !== 1);
  return missing.length === 0 ? null : `${missing.length} actions not applied exactly once (first: ${missing[0]?.actionId ?? ''})`;
}

/** An incident keeps at most 500 notes (shared/domain/model.ts): the notes are spread so none holds more than this. */
const NOTES_PER_INCIDENT = 400;

/** Adds incidents on the platform, as other consoles would, so the queued notes have enough to spread over. */
async function addIncidents(url: string, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const body = { id: `urn:ngsi-ld:Alert:phuket:bench-outbox-${i}`, type: 'Alert', incidentType: 'medical', severity: 'high', location: { type: 'Point', coordinates: [98.3 + i * 0.001, 7.9] }, description: `bench outbox incident ${i}` };
    const response = await fetch(`${url}/ngsi-ld/v1/entities`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    if (response.status !== 201) throw new Error(`emulator refused incident ${i}: ${response.status}`);
  }
}

async function run(ctx: BenchContext): Promise<Metric[]> {
  const count = ctx.smoke ? 40 : 10_000;
  const rig = await startCoreRig(21, 'outbox');
  const { core, emulator } = rig;
  try {
    const openNow = () => core.live.snapshot().incidents.filter((i) => i.status !== 'closed').map((i) => i.id);
    const needed = Math.ceil(count / NOTES_PER_INCIDENT);
    if (openNow().length < needed) {
      await addIncidents(emulator.url, needed - openNow().length);
      await until(() => openNow().length >= needed, 60_000, `${needed} open incidents`);
    }
    const open = openNow();
    await setFault(emulator.url, 'outage', true);
    await until(() => core.live.health().link.state === 'down', 30_000, 'the link to go down');
    const queued: { actionId: string; incidentId: string }[] = [];
    let started = performance.now();
    for (let i = 0; i < count; i++) {
      const incidentId = open[i % open.length] ?? '';
      const accepted = await core.actions.perform({ kind: 'note', incidentId, text: `bench note ${i}` });
      queued.push({ actionId: accepted.actionId, incidentId });
    }
    const queueMs = performance.now() - started;
    await setFault(emulator.url, 'outage', false);
    started = performance.now();
    // The outbox view lists at most 5 000 entries (queued first), so "all confirmed" is read as: the platform has applied
    // every one, and the view holds nothing queued any more.
    // Counted as the log grows and the view built only once all are applied: the check runs every 10 ms and must
    // not itself slow the drain it measures.
    let read = 0;
    let appliedSoFar = 0;
    const applied = () => {
      const log = emulator.actions.entries;
      for (; read < log.length; read++) if (log[read]?.outcome === 'applied') appliedSoFar++;
      return appliedSoFar;
    };
    const drained = () => applied() >= count && !core.actions.view().entries.some((e) => e.state === 'queued');
    await until(drained, ctx.smoke ? 60_000 : 900_000, `${count} actions to be confirmed`);
    const drainS = (performance.now() - started) / 1000;
    const fault = deliveryFault(queued, emulator.actions.entries);
    if (fault !== null) throw new Error(`outbox delivery broke its promise: ${fault}`);
    ctx.log(`${count} notes over ${open.length} incidents: queued offline in ${(queueMs / 1000).toFixed(1)} s, drained in ${drainS.toFixed(1)} s, each applied once, in order per incident`);
    return [
      metric(ctx, 'outbox_drain_10k_s', drainS, 's', atMost(10), ctx.smoke ? `${count} actions` : `${open.length} incidents`),
      metric(ctx, 'outbox_drain_per_s', count / drainS, 'actions/s', null),
      metric(ctx, 'outbox_queue_offline_per_s', (count / queueMs) * 1000, 'actions/s', null),
    ];
  } finally {
    await rig.close();
  }
}

export const outbox: Bench = { name: 'outbox', browser: false, run };
