import { coded } from '../../../../shared/contract';
import type { CodedReason } from '../../../../shared/contract';
import type { LinkState, SourceLink } from '../source';

/**
 * The source as a whole, from its links: closed if any link is closed (saying which and why), open only when
 * every link is open and the picture has been listed since they came up, connecting otherwise.
 */
export function overallLink(links: readonly SourceLink[], listed: boolean): { state: LinkState; detail: string; reason?: CodedReason } {
  const closed = links.filter((l) => l.state === 'closed');
  if (closed.length === 1 && closed[0]) return { state: 'closed', detail: closed[0].detail, ...(closed[0].reason ? { reason: closed[0].reason } : {}) };
  if (closed.length > 1) return { state: 'closed', detail: closed.map((l) => l.detail).join('; '), reason: coded('links-closed', { links: closed.map((l) => l.id).join(', ') }) };
  const waiting = links.find((l) => l.state === 'connecting');
  if (waiting) return { state: 'connecting', detail: waiting.detail, ...(waiting.reason ? { reason: waiting.reason } : {}) };
  if (!listed) return { state: 'connecting', detail: 'reading the platform', reason: coded('reading-platform') };
  return { state: 'open', detail: 'live', reason: coded('live') };
}

/** A link with a new state; `since` moves only when the state itself changes. */
export function withState(link: SourceLink, state: LinkState, detail: string, at: number, reason?: CodedReason): SourceLink {
  const next = { id: link.id, target: link.target, state, detail: detail.slice(0, 300), since: link.state === state ? link.since : at };
  return reason ? { ...next, reason } : next;
}
