import type { TimelineEvent } from '../../../shared/contract';
import type { Incident, Unit } from '../../../shared/domain';

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
 * What changed between two versions of an incident, as timeline events. Pure. The first version
 * yields the report itself; notes carry their author; status and unit changes made elsewhere are the platform's.
 */
export function incidentEvents(previous: Incident | undefined, next: Incident, at: number): TimelineEvent[] {
  if (!previous) {
    return [event(at, 'reported', next.source ?? PLATFORM, null, next.status, next.description || null), ...next.notes.map((n) => event(at, 'note', n.author, null, null, n.text))];
  }
  const events: TimelineEvent[] = [];
  if (previous.status !== next.status) events.push(event(at, 'status', PLATFORM, previous.status, next.status));
  const added = next.assignedUnitIds.filter((u) => !previous.assignedUnitIds.includes(u));
  if (added.length > 0) events.push(event(at, 'assigned', PLATFORM, null, null, added.join(', ')));
  const known = new Set(previous.notes.map((n) => n.id));
  for (const note of next.notes) if (!known.has(note.id)) events.push(event(at, 'note', note.author, null, null, note.text));
  return events;
}

/** A unit reaching the scene of the incident it was sent to. */
export function arrivalEvent(previous: Unit | undefined, next: Unit, at: number): { incidentId: string; event: TimelineEvent } | null {
  if (next.status !== 'on-scene' || previous?.status === 'on-scene' || !next.assignedIncidentId) return null;
  return { incidentId: next.assignedIncidentId, event: event(at, 'arrived', next.callsign, null, null, next.callsign) };
}

const KEEP = 200;
/** More incidents than the live state holds: a unit naming bogus incidents cannot grow this without bound. */
const MAX_INCIDENTS = 60_000;

/** Timelines of the incidents this console has seen, newest last, bounded per incident and in number. */
export class IncidentHistory {
  private readonly events = new Map<string, TimelineEvent[]>();

  constructor(private readonly maxIncidents = MAX_INCIDENTS) {}

  add(incidentId: string, added: readonly TimelineEvent[]): void {
    if (added.length === 0) return;
    const list = [...(this.events.get(incidentId) ?? []), ...added];
    // Re-inserted so the map's order is least recently changed first: the oldest timeline goes when full.
    this.events.delete(incidentId);
    this.events.set(incidentId, list.slice(-KEEP));
    for (const oldest of this.events.keys()) {
      if (this.events.size <= this.maxIncidents) break;
      this.events.delete(oldest);
    }
  }

  forget(incidentId: string): void {
    this.events.delete(incidentId);
  }

  of(incidentId: string): TimelineEvent[] {
    return this.events.get(incidentId) ?? [];
  }
}
