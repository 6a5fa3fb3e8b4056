import type { TimelineEvent } from '../../../shared/contract';
import type { Incident, Unit } from '../../../shared/domain';
import { timelineKey } from '../timeline/eventKey';

const PLATFORM = 'platform';
const event = (at: number, kind: TimelineEvent['kind'], actor: string, from: string | null = null, to: string | null = null, text: string | null = null): TimelineEvent => ({
  at,
  kind,
  actor: actor.slice(0, 100),
  from,
  to,
  text,
});

/**
 * What changed between two versions of an incident, as timeline events. Pure. The first version yields the
 * report itself at the incident's own report time, and its notes; notes always carry their own time, so seeing
 * an incident again (after a restart, from the cache) yields the very same events. Status and unit changes made
 * elsewhere are the platform's, at `at` (when this console saw them).
 */
export function incidentEvents(previous: Incident | undefined, next: Incident, at: number): TimelineEvent[] {
  if (!previous) {
    return [event(next.reportedAt, 'reported', next.source ?? PLATFORM, null, next.status, next.description || null), ...next.notes.map((n) => event(n.at, 'note', n.author, null, null, n.text))];
  }
  const events: TimelineEvent[] = [];
  if (previous.status !== next.status) events.push(event(at, 'status', PLATFORM, previous.status, next.status));
  const added = next.assignedUnitIds.filter((u) => !previous.assignedUnitIds.includes(u));
  if (added.length > 0) events.push(event(at, 'assigned', PLATFORM, null, null, added.join(', ')));
  const known = new Set(previous.notes.map((n) => n.id));
  for (const note of next.notes) if (!known.has(note.id)) events.push(event(note.at, 'note', note.author, null, null, note.text));
  return events;
}

/** An incident's history replayed from the versions the observation log kept, each at its receive time. */
export function replayEvents(versions: readonly { incident: Incident; receivedAt: number }[]): TimelineEvent[] {
  return versions.flatMap((v, k) => incidentEvents(versions[k - 1]?.incident, v.incident, v.receivedAt));
}

/** A unit reaching the scene of the incident it was sent to. */
export function arrivalEvent(previous: Unit | undefined, next: Unit, at: number): { incidentId: string; event: TimelineEvent } | null {
  if (next.status !== 'on-scene' || previous?.status === 'on-scene' || !next.assignedIncidentId) return null;
  return { incidentId: next.assignedIncidentId, event: event(at, 'arrived', next.callsign, null, null, next.callsign) };
}

/** Oldest first, and for one time in the order they were written. */
export const byTime = (events: readonly TimelineEvent[]): TimelineEvent[] => [...events].sort((a, b) => a.at - b.at);

/** Events of `more` not already in `events` (by timeline key), added to them, oldest first. */
export function mergeEvents(incidentId: string, events: readonly TimelineEvent[], more: readonly TimelineEvent[]): TimelineEvent[] {
  const keys = new Set(events.map((e) => timelineKey(incidentId, e)));
  return byTime([...events, ...more.filter((e) => !keys.has(timelineKey(incidentId, e)))]);
}

const KEEP = 200;
/** More incidents than the live state holds: a unit naming bogus incidents cannot grow this without bound. */
const MAX_INCIDENTS = 60_000;

/**
 * Timelines of the incidents this console has seen, newest last, bounded per incident and in number. An event
 * already held is not added again; each new one goes to `persist` (the journal), which keeps them all.
 */
export class IncidentHistory {
  private readonly events = new Map<string, { list: TimelineEvent[]; keys: Set<string> }>();

  constructor(
    private readonly maxIncidents = MAX_INCIDENTS,
    private readonly persist: (incidentId: string, added: readonly TimelineEvent[]) => void = () => undefined,
  ) {}

  add(incidentId: string, added: readonly TimelineEvent[]): void {
    const held = this.events.get(incidentId) ?? { list: [], keys: new Set<string>() };
    const fresh = added.filter((e) => {
      const key = timelineKey(incidentId, e);
      if (held.keys.has(key)) return false;
      held.keys.add(key);
      return true;
    });
    if (fresh.length === 0) return;
    const list = byTime([...held.list, ...fresh]).slice(-KEEP);
    // Re-inserted so the map's order is least recently changed first: the oldest timeline goes when full.
    this.events.delete(incidentId);
    this.events.set(incidentId, { list, keys: held.keys });
    for (const oldest of this.events.keys()) {
      if (this.events.size <= this.maxIncidents) break;
      this.events.delete(oldest);
    }
    this.persist(incidentId, fresh);
  }

  forget(incidentId: string): void {
    this.events.delete(incidentId);
  }

  of(incidentId: string): TimelineEvent[] {
    return this.events.get(incidentId)?.list ?? [];
  }
}
