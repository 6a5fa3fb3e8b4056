import type { Handlers, HostKind, ProfileMode, StoreStatus } from '../../shared/contract';
import type { OperatorProfile } from '../../shared/domain';
import { basemap } from './basemap';
import type { LiveHub } from './live/liveHub';
import type { ActionService } from './outbox/actionService';
import type { createRoutingService } from './routing/routingService';

export interface HandlerDeps {
  readonly name: string;
  readonly version: string;
  readonly host: HostKind;
  readonly startedAt: number;
  readonly live: LiveHub;
  readonly actions: ActionService;
  readonly profile: OperatorProfile;
  readonly session: { readonly profileMode: ProfileMode; readonly platformConfigured: boolean };
  readonly storeStatus: () => StoreStatus;
  readonly routing: ReturnType<typeof createRoutingService>;
}

/** Every request channel of the contract, bound to the core. The `Handlers` type makes a missing channel a compile error. */
export function createHandlers(deps: HandlerDeps): Handlers {
  return {
    'app:info': () => ({ name: deps.name, version: deps.version, host: deps.host, startedAt: deps.startedAt, ...deps.session }),
    'map:basemap': () => basemap().manifest(),
    'map:tiles': (request) => basemap().readTiles(request),
    'state:snapshot': () => deps.live.snapshot(),
    'feed:health': () => deps.live.health(),
    'operator:profile': () => deps.profile,
    'incident:act': (request) => deps.actions.perform(request),
    'dispatch:recommend': ({ incidentId }) => deps.routing.recommend(incidentId),
    'incident:timeline': ({ incidentId }) => ({ incidentId, events: deps.live.timeline(incidentId) }),
    'outbox:list': () => deps.actions.view(),
    'store:status': () => deps.storeStatus(),
  };
}
