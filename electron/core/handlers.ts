import type { Handlers, HostKind } from '../../shared/contract';
import { basemapManifest } from './basemap';
import type { LiveHub } from './live/liveHub';

export interface HandlerDeps {
  readonly name: string;
  readonly version: string;
  readonly host: HostKind;
  readonly startedAt: number;
  readonly live: LiveHub;
}

/** Every request channel of the contract, bound to the core. The `Handlers` type makes a missing channel a compile error. */
export function createHandlers(deps: HandlerDeps): Handlers {
  return {
    'app:info': () => ({ name: deps.name, version: deps.version, host: deps.host, startedAt: deps.startedAt }),
    'map:basemap': () => basemapManifest,
    'state:snapshot': () => deps.live.snapshot(),
    'feed:health': () => deps.live.health(),
  };
}
