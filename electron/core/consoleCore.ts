import type { EscalationPolicy, Handlers, TimelineEvent, HostKind, ProfileMode, StoreStatus } from '../../shared/contract';
import type { Incident, OperatorProfile } from '../../shared/domain';
import type { PlatformConfig } from './config';
import { createEventHub } from './events';
import type { EventHub } from './events';
import { createCompositeSource } from './feeds/composite';
import { DEFAULT_RULES } from './feeds/health';
import { ngsiDeliveryFromConfig } from './feeds/ngsi/fromConfig';
import { reportLinkerFromConfig, sourcesFromConfig } from './feeds/sourcesFromConfig';
import { withReportLinks } from './outbox/reportLinks';
import { createUnconfiguredSource } from './feeds/unconfiguredSource';
import { createHandlers } from './handlers';
import { createLiveHub } from './live/liveHub';
import { log } from './log/logger';
import type { LiveHub } from './live/liveHub';
import { createObservationWriter } from './live/observationWriter';
import { createActionService } from './outbox/actionService';
import { restoreLocalIncidents } from './outbox/restoreLocal';
import { escalationFromEnv } from './timeline/escalation';
import { createTimelineRecord } from './timeline/timelineRecord';
import type { ActionService } from './outbox/actionService';
import { guarded, recordFault } from './processGuards';
import { createRoutingService } from './routing/routingService';
import type { AuditEntryInput, Store } from './store/api';
import { startWindowSession } from './session/startSession';
import type { WindowSession } from './session/windowSession';

export interface CoreOptions {
  readonly name: string;
  readonly version: string;
  readonly host: HostKind;
  readonly platform: PlatformConfig | null;
  readonly profile: OperatorProfile;
  /** Where the profile came from (electron/core/profile.ts); a given profile counts as configured. */
  readonly profileMode?: ProfileMode;
  /** The local store (cache, outbox, audit); null runs without one, and the console says so. */
  readonly store: (() => Store) | null;
  readonly newId: () => string;
  /** The data folder, for the window profiles; null keeps them in memory. */
  readonly dataDir?: string | null;
  /** How long feed observations are kept. */
  readonly retentionMs?: number;
  /** When unacknowledged incidents escalate; default from PHUKET_ESCALATION_MS, else 60 s / 3 min / 10 min. */
  readonly escalation?: EscalationPolicy;
}

export interface ConsoleCore {
  readonly handlers: Handlers;
  readonly events: EventHub;
  readonly live: LiveHub;
  readonly actions: ActionService;
  /** The windows' shared selection, bookmarks and profile. */
  readonly windows: WindowSession;
  storeStatus(): StoreStatus;
  stop(): Promise<void>;
}

const WEEK_MS = 7 * 24 * 3_600_000;
const PRUNE_EVERY_MS = 3_600_000;

async function openStore(factory: (() => Store) | null, status: StoreStatus): Promise<Store | null> {
  if (!factory) return null;
  const store = factory();
  try {
    const report = await store.open();
    status.recovered = [...report.recovered];
    return store;
  } catch (error) {
    status.unavailable = error instanceof Error ? error.message : String(error);
    await store.close().catch(() => undefined);
    return null;
  }
}

/**
 * The whole data core, host-agnostic: both the Electron main process and the browser host run exactly this.
 * It paints from the cache first, then follows the platform; operator actions go through the outbox.
 */
export async function startConsoleCore(options: CoreOptions): Promise<ConsoleCore> {
  const events = createEventHub();
  const status: StoreStatus = { fault: null, recovered: [], cachedAt: null, unavailable: null };
  const store = await openStore(options.store, status);
  const writer = store ? createObservationWriter(store) : null;
  // Every source the console reads runs inside one composite, each with its own links in feed health.
  const source = createCompositeSource(options.platform ? sourcesFromConfig(options.platform, options.profile.workstation) : [createUnconfiguredSource()]);
  // Actions go to the platform the source reads, through the outbox's delivery port; those that name a
  // citizen report then link it on the reports platform.
  const delivery = options.platform ? withReportLinks(ngsiDeliveryFromConfig(options.platform), reportLinkerFromConfig(options.platform)) : null;
  const silenceMs = options.platform?.silenceMs ?? DEFAULT_RULES.traffic.silenceMs;
  // The platform's silence setting is for its streamed feeds (traffic and units); polled feeds keep the registry's.
  const rules = { ...DEFAULT_RULES, traffic: { ...DEFAULT_RULES.traffic, silenceMs }, units: { ...DEFAULT_RULES.units, silenceMs } };
  // The hub tells the outbox when the link returns; the outbox needs the hub to exist first.
  let actions: ActionService | null = null;
  const escalation = options.escalation ?? escalationFromEnv(process.env);
  const timeline = createTimelineRecord(store);
  const live = createLiveHub({
    history: timeline.history,
    source,
    events,
    rules,
    platform: options.platform?.label ?? source.name,
    onItems: guarded('cache write', (items, at) => writer?.add(items, at)),
    onLinkUp: guarded('outbox link restored', () => actions?.linkRestored()),
  });

  const emitStatus = () => events.emit('store:status-changed', { ...status });
  const timers: NodeJS.Timeout[] = [];
  if (store) {
    const loadStarted = Date.now();
    const cached = await store.loadLatest();
    live.seed(cached.items);
    if (cached.items.length > 0) log().info('cache: last-known items loaded', { items: cached.items.length, ms: Date.now() - loadStarted });
    const times = Object.values(cached.newestReceivedAt).filter((t): t is number => t !== null);
    status.cachedAt = times.length ? Math.max(...times) : null;
    store.onFault(
      guarded('store fault listener', (fault) => {
        status.fault = fault;
        emitStatus();
      }),
    );
  }
  // A prune that fails (a full disk, a closed store) is logged and tried again next hour.
  const prune = store ? guarded('cache prune', () => void store.prune(Date.now() - (options.retentionMs ?? WEEK_MS)).catch((error: unknown) => recordFault('cache prune', error))) : null;
  if (prune) {
    const timer = setInterval(prune, PRUNE_EVERY_MS);
    timer.unref();
    timers.push(timer);
  }

  const seedIncident = (item: Incident) => live.seed([{ feed: 'incidents', item }]);
  const local = { seedIncident, unit: (id: string) => live.platformUnit(id), timeline: (id: string, added: readonly TimelineEvent[]) => timeline.history.add(id, added) };
  const service = createActionService({ store, live, local, delivery, profile: options.profile, events, newId: options.newId });
  actions = service;
  if (store) await restoreLocalIncidents(store, (id) => live.platformIncident(id) !== undefined, seedIncident).catch((error: unknown) => recordFault('restoring local incidents', error));
  await service.start();
  live.start();
  // After the start's own reads: the worker answers in order, and the first window need not wait for a delete.
  prune?.();

  const windows = await startWindowSession({ events, dataDir: options.dataDir ?? null, workstation: options.profile.workstation, newId: options.newId });
  const handlers = createHandlers({
    name: options.name,
    version: options.version,
    host: options.host,
    startedAt: Date.now(),
    live,
    actions: service,
    profile: options.profile,
    session: { profileMode: options.profileMode ?? (options.profile.role === 'viewer' ? 'viewer' : 'configured'), platformConfigured: options.platform !== null },
    storeStatus: () => ({ ...status }),
    routing: createRoutingService(live),
    windows,
    timeline: (id) => timeline.of(id),
    escalation,
    ...(store ? { audit: (entry: AuditEntryInput) => store.recordAudit(entry) } : {}),
  });
  return {
    handlers,
    events,
    live,
    actions: service,
    windows,
    storeStatus: () => ({ ...status }),
    async stop() {
      for (const timer of timers) clearInterval(timer);
      // Each part is stopped even if one before it fails, so the store is always closed last.
      const steps: [string, () => unknown][] = [
        ['outbox', () => service.stop()],
        ['live feeds', () => live.stop()],
        ['cache writer', () => writer?.stop()],
        ['timeline', () => timeline.flush()],
        ['store', () => store?.close()],
      ];
      for (const [part, step] of steps) {
        try {
          await step();
        } catch (error) {
          recordFault(`stopping the ${part}`, error);
        }
      }
    },
  };
}
