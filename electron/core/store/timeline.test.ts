import { afterEach, describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../../../shared/contract';
import { actionWrite, fakeIncident, observe } from './testing/fakeItems';
import { storeTestKit } from './testing/tempDir';
import { uuidv7 } from './uuidv7';

const { keeper, dir } = storeTestKit(afterEach);
const event = (at: number, kind: TimelineEvent['kind'], to: string | null = null): TimelineEvent => ({ at, kind, actor: 'platform', from: null, to, text: null });

describe('the incident record (journal.db timeline)', () => {
  it('keeps every event once, with its original time, across a restart', async () => {
    const folder = dir();
    const incident = fakeIncident(1);
    const store = await keeper.open(folder);
    await store.appendTimeline([
      { incidentId: incident.id, event: event(100, 'reported', 'new') },
      { incidentId: incident.id, event: event(200, 'status', 'acknowledged') },
    ]);
    // Seen again (a cache replay after a restart): the report and the change are not doubled.
    await store.appendTimeline([
      { incidentId: incident.id, event: event(100, 'reported', 'acknowledged') },
      { incidentId: incident.id, event: event(200, 'status', 'acknowledged') },
    ]);
    const write = actionWrite(uuidv7(), incident, { kind: 'note', incidentId: incident.id, noteId: 'n1', text: 'caller speaks Russian' }, 150);
    const own: TimelineEvent = { ...event(150, 'action'), actor: 'Niran', origin: 'console', params: { actionId: write.entry.actionId, action: 'note' } };
    await store.recordAction({ ...write, timeline: { incidentId: incident.id, event: own } });
    const before = await store.timelineOf(incident.id);
    expect(before.map((e) => [e.at, e.kind])).toEqual([
      [100, 'reported'],
      [150, 'action'],
      [200, 'status'],
    ]);
    await store.close();
    const reopened = await keeper.open(folder);
    await expect(reopened.timelineOf(incident.id)).resolves.toEqual(before);
  });

  it('reads an incident\'s versions from the observation log, oldest first, with their receive times', async () => {
    const store = await keeper.open(dir());
    const v1 = fakeIncident(2);
    const v2 = { ...v1, status: 'acknowledged' as const, updatedAt: v1.updatedAt + 10 };
    await store.appendObservations([observe(v2, 2000), observe(v1, 1000)]);
    const versions = await store.incidentVersions(v1.id);
    expect(versions.map((v) => [v.incident.status, v.receivedAt])).toEqual([
      ['new', 1000],
      ['acknowledged', 2000],
    ]);
  });
});
