import type { EscalationPolicy, Handlers, HostKind, ProfileMode, StoreStatus, TimelineEvent } from '../../shared/contract';
import { DEFAULT_ESCALATION } from './timeline/escalation';
import type { OperatorProfile } from '../../shared/domain';
import { currentAbout } from './about';
import { auditForDownload } from './auditDownload';
import { basemap } from './basemap';
import type { LiveHub } from './live/liveHub';
import type { ActionService } from './outbox/actionService';
import type { createRoutingService } from './routing/routingService';
import { sessionHandlers } from './session/sessionHandlers';
import { updateUserSettings } from './settings/update';
import { currentSettingsView } from './settings/view';
import type { AuditEntryInput } from './store/api';
import type { WindowSession } from './session/windowSession';

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
  /** The windows' shared selection, bookmarks and profile. */
  readonly windows: WindowSession;
  /** An incident's whole recorded timeline (journal, observation log, memory); the live hub's memory without it. */
  readonly timeline?: (incidentId: string) => Promise<TimelineEvent[]>;
  readonly escalation?: EscalationPolicy;
  /** Appends one record to the audit chain (the store's `recordAudit`); without it, settings changes are logged only. */
  readonly audit?: (entry: AuditEntryInput) => Promise<void>;
}

/** Every request channel of the contract, bound to the core. The `Handlers` type makes a missing channel a compile error. */
export function createHandlers(deps: HandlerDeps): Handlers {
  return {
    'app:info': () => ({ name: deps.name, version: deps.version, host: deps.host, startedAt: deps.startedAt, ...deps.session }),
    'app:about': () => currentAbout({ name: deps.name, version: deps.version, host: deps.host }),
    'settings:effective': () => currentSettingsView(),
    'settings:update': (update) => updateUserSettings(update, { profile: deps.profile, audit: deps.audit }),
    'audit:export': () => auditForDownload({ dataDir: currentAbout({ name: deps.name, version: deps.version, host: deps.host }).dataDir, profile: deps.profile, audit: deps.audit }),
    'map:basemap': () => basemap().manifest(),
    'map:tiles': (request) => basemap().readTiles(request),
    'state:snapshot': () => deps.live.snapshot(),
    'feed:health': () => deps.live.health(),
    'operator:profile': () => deps.profile,
    'incident:act': (request) => deps.actions.perform(request),
    'dispatch:recommend': ({ incidentId }) => deps.routing.recommend(incidentId),
    'incident:timeline': async ({ incidentId }) => ({ incidentId, events: deps.timeline ? await deps.timeline(incidentId) : deps.live.timeline(incidentId) }),
    'escalation:policy': () => deps.escalation ?? DEFAULT_ESCALATION,
    'outbox:list': () => deps.actions.view(),
    'store:status': () => deps.storeStatus(),
    ...sessionHandlers(deps.windows, deps.live),
  };
}
