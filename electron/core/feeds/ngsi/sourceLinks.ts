import type { LinkState, SourceLink } from '../source';

/**
 * The source as a whole, from its links: closed if any link is closed (saying which and why), open only when
 * every link is open and the picture has been listed since they came up, connecting otherwise.
 */
export function overallLink(links: readonly SourceLink[], listed: boolean): { state: LinkState; detail: string } {
  const closed = links.filter((l) => l.state === 'closed');
  if (closed.length > 0) return { state: 'closed', detail: closed.map((l) => l.detail).join('; ') };
  const waiting = links.find((l) => l.state === 'connecting');
  if (waiting) return { state: 'connecting', detail: waiting.detail };
  if (!listed) return { state: 'connecting', detail: 'reading the platform' };
  return { state: 'open', detail: 'live' };
}

/** A link with a new state; `since` moves only when the state itself changes. */
export function withState(link: SourceLink, state: LinkState, detail: string, at: number): SourceLink {
  return { ...link, state, detail: detail.slice(0, 300), since: link.state === state ? link.since : at };
}
