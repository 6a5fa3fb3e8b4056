import type { z } from 'zod';
import { ActionAccepted, ActionRequest, EscalationPolicy, OperatorProfile, OutboxView, RecommendRequest, Recommendations, StoreStatus, Timeline } from './actions';
import { AboutInfo, AppCommandEvent } from './about';
import { AppInfo, HostReady, NoInput } from './app';
import { AuditExport } from './audit';
import { BasemapManifest, SiteTilesBytes, SiteTilesRequest } from './basemap';
import { FeedHealthReport, LiveChanges, LiveSnapshot } from './live';
import { SettingsUpdate, SettingsUpdated, SettingsView } from './settings';
import { BookmarkDelete, BookmarkSave, IdentityRequest, OpsFigures, ProfileExport, ProfileImport, SelectRequest, SettingsSave, SharedSelection, WindowIdentity } from './window';

/** A request/response channel: the renderer asks, the host answers once. */
export interface RequestSchemas<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly input: I;
  readonly output: O;
}

/**
 * The one contract between the console's windows and their host, channel name → kind → schemas.
 * Adding a channel is one line here plus, for a request, a handler in `electron/core/handlers`;
 * both hosts and the preload bridge are built from this object.
 */
export const contract = {
  /** The renderer asks, the host answers once. */
  requests: {
    'app:info': { input: NoInput, output: AppInfo },
    'app:about': { input: NoInput, output: AboutInfo },
    'settings:effective': { input: NoInput, output: SettingsView },
    'settings:update': { input: SettingsUpdate, output: SettingsUpdated },
    'audit:export': { input: NoInput, output: AuditExport },
    'map:basemap': { input: NoInput, output: BasemapManifest },
    'map:tiles': { input: SiteTilesRequest, output: SiteTilesBytes },
    'state:snapshot': { input: NoInput, output: LiveSnapshot },
    'feed:health': { input: NoInput, output: FeedHealthReport },
    'operator:profile': { input: NoInput, output: OperatorProfile },
    'incident:act': { input: ActionRequest, output: ActionAccepted },
    'dispatch:recommend': { input: RecommendRequest, output: Recommendations },
    'incident:timeline': { input: RecommendRequest, output: Timeline },
    'escalation:policy': { input: NoInput, output: EscalationPolicy },
    'outbox:list': { input: NoInput, output: OutboxView },
    'store:status': { input: NoInput, output: StoreStatus },
    'window:identity': { input: IdentityRequest, output: WindowIdentity },
    'window:settings': { input: SettingsSave, output: NoInput },
    'selection:set': { input: SelectRequest, output: SharedSelection },
    'bookmark:save': { input: BookmarkSave, output: SharedSelection },
    'bookmark:delete': { input: BookmarkDelete, output: SharedSelection },
    'profile:export': { input: NoInput, output: ProfileExport },
    'profile:import': { input: ProfileImport, output: ProfileExport },
    'ops:figures': { input: NoInput, output: OpsFigures },
  },
  /** The host pushes to every window; windows only listen. */
  events: {
    'host:ready': HostReady,
    'app:command': AppCommandEvent,
    'state:changes': LiveChanges,
    'feed:health-changed': FeedHealthReport,
    'outbox:changed': OutboxView,
    'store:status-changed': StoreStatus,
    'selection:changed': SharedSelection,
  },
} as const satisfies {
  requests: Record<`${string}:${string}`, RequestSchemas>;
  events: Record<`${string}:${string}`, z.ZodType>;
};

export type Contract = typeof contract;
