import { LIVE_CAPS } from '../../../shared/contract';
import type { LiveChanges, LiveKind, LiveSnapshot } from '../../../shared/contract';
import type { FeedId, Incident } from '../../../shared/domain';

export const KIND_OF_FEED = { traffic: 'segments', units: 'units', incidents: 'incidents' } as const satisfies Record<FeedId, LiveKind>;
export const FEED_OF_KIND = { segments: 'traffic', units: 'units', incidents: 'incidents' } as const satisfies Record<LiveKind, FeedId>;

const isOpen = (incident: Incident): boolean => incident.status !== 'closed' && incident.status !== 'resolved';

/** Open incidents first, then the most recently updated. */
const incidentOrder = (a: Incident, b: Incident): number => Number(isOpen(b)) - Number(isOpen(a)) || b.updatedAt - a.updatedAt;
const newestFirst = (a: { observedAt: number }, b: { observedAt: number }): number => b.observedAt - a.observedAt;

export type Trimmed = Partial<Record<LiveKind, number>>;

/**
 * A snapshot within the contract's caps. The live state is held under them, so this only acts on a
 * mistake; then what matters most survives (open and newest first) and the caller is told what was cut.
 */
export function capSnapshot<T extends LiveSnapshot>(snapshot: T, caps: Record<LiveKind, number> = LIVE_CAPS): { snapshot: T; trimmed: Trimmed } {
  const trimmed: Trimmed = {};
  const out = { ...snapshot };
  if (out.segments.length > caps.segments) {
    trimmed.segments = out.segments.length - caps.segments;
    out.segments = [...out.segments].sort(newestFirst).slice(0, caps.segments);
  }
  if (out.units.length > caps.units) {
    trimmed.units = out.units.length - caps.units;
    out.units = [...out.units].sort(newestFirst).slice(0, caps.units);
  }
  if (out.incidents.length > caps.incidents) {
    trimmed.incidents = out.incidents.length - caps.incidents;
    out.incidents = [...out.incidents].sort(incidentOrder).slice(0, caps.incidents);
  }
  return { snapshot: out, trimmed };
}

const REMOVED_CAP = 100_000;

/** A change batch within the caps: one too big is sent as several, so nothing is lost and nothing is refused by the contract. */
export function splitChanges(changes: LiveChanges, caps: Record<LiveKind, number> = LIVE_CAPS): LiveChanges[] {
  const kinds: LiveKind[] = ['segments', 'units', 'incidents'];
  const rounds = Math.max(
    1,
    ...kinds.map((k) => Math.ceil(changes[k].length / caps[k])),
    ...kinds.map((k) => Math.ceil(changes.removed[k].length / REMOVED_CAP)),
  );
  if (rounds === 1) return [changes];
  return Array.from({ length: rounds }, (_, r) => ({
    segments: changes.segments.slice(r * caps.segments, (r + 1) * caps.segments),
    units: changes.units.slice(r * caps.units, (r + 1) * caps.units),
    incidents: changes.incidents.slice(r * caps.incidents, (r + 1) * caps.incidents),
    removed: {
      segments: changes.removed.segments.slice(r * REMOVED_CAP, (r + 1) * REMOVED_CAP),
      units: changes.removed.units.slice(r * REMOVED_CAP, (r + 1) * REMOVED_CAP),
      incidents: changes.removed.incidents.slice(r * REMOVED_CAP, (r + 1) * REMOVED_CAP),
    },
  }));
}
