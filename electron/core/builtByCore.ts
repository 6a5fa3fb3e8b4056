import type { EventName, RequestName } from '../../shared/contract';

/**
 * The bulk channels whose payloads the core builds only from items already parsed against the domain
 * schemas where they entered (feeds, disk) and bounded by the contract's caps (`state/caps.ts`): the live
 * snapshot and its change batches. They are not parsed again on the way out; the window's bridge parses
 * what it receives, which is the trust boundary that counts. Every other payload is still parsed here.
 */
const BUILT_BY_CORE: ReadonlySet<string> = new Set<EventName | RequestName>(['state:changes', 'state:snapshot']);

export const builtByCore = (channel: string): boolean => BUILT_BY_CORE.has(channel);
