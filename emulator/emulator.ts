import { City } from './city/city';
import { ActionLog } from './http/actionLog';
import { noFaults } from './http/faults';
import type { FaultState } from './http/faults';
import { startServer } from './http/server';
import { createFeedPublishers } from './feeds';
import { routeFeeds } from './feeds/publisher';
import { routePlatform } from './http/platformRoutes';
import { startEmbeddedBroker } from './mqtt/embeddedBroker';
import type { EmbeddedBroker } from './mqtt/embeddedBroker';
import { MqttPublisher } from './mqtt/publisher';
import { Corrupter } from './ngsi/malformed';
import { SubscriptionStore } from './ngsi/subscriptions/store';
import { createLoadGenerator } from './load/loadGenerator';
import type { LoadGenerator, LoadPlan } from './load/loadGenerator';
import { ChangeTracker } from './notify/changes';
import { CityFeed } from './notify/cityFeed';
import { SubscriptionNotifier } from './notify/engine';
import { GenericEntities } from './notify/genericEntities';
import { SysClock } from './notify/sysTimes';
import { loadState, saveState, toSaved } from './state/persistence';

export interface EmulatorOptions {
  /** 0 (default) picks a free port. */
  readonly port?: number;
  readonly host?: string;
  readonly seed?: number;
  /** Simulated seconds per wall second, 1 to 60. */
  readonly speed?: number;
  /** Simulated start time; default now. Ignored when a state file is loaded (the saved clock resumes). */
  readonly startTime?: Date | string | number;
  /** Wall milliseconds between ticks. */
  readonly tickMs?: number;
  /** False leaves the clock still; drive it with `step` (tests). */
  readonly autoTick?: boolean;
  readonly statePath?: string;
  readonly saveEveryMs?: number;
  readonly faults?: Partial<FaultState>;
  readonly warn?: (message: string) => void;
  /** Start the embedded MQTT broker (aedes, MQTT 3.1.1) on loopback; default true unless mqttUrl is given. */
  readonly embeddedBroker?: boolean;
  /** An external broker to advertise instead of the embedded one (e.g. mosquitto at mqtt://127.0.0.1:1883). */
  readonly mqttUrl?: string;
  /** Synthetic load to start with (see Emulator.load); none by default. */
  readonly load?: LoadPlan;
  /**
   * The wall clock subscriptions live by (expiresAt, throttling, cooldown, notifiedAt); default Date.now.
   * Never the simulated clock: a client's lease must not run out faster because the city runs at --speed 20.
   */
  readonly subscriptionClock?: () => number;
}

export interface Emulator {
  readonly url: string;
  readonly city: City;
  readonly faults: FaultState;
  readonly actions: ActionLog;
  /** The MQTT broker for notifications: the embedded one, the external one given, or null with neither. */
  readonly mqttUrl: string | null;
  readonly subscriptions: SubscriptionStore;
  /** Synthetic moving units for benchmarks and soak runs (load/loadGenerator.ts); none until set. */
  readonly load: LoadGenerator;
  /** The simulated time as the polled feeds stamp it (see FeedPublisherContext.stamp). */
  platformNow(): number;
  /** Advances the simulation by dtSimSeconds and pushes the resulting notifications. */
  step(dtSimSeconds: number): void;
  /** Writes the state file now (no-op without statePath). */
  save(): void;
  close(): Promise<void>;
}

export const DEFAULT_SEED = 1669;

function checkOptions(speed: number, tickMs: number): void {
  if (!(speed >= 1 && speed <= 60)) throw new RangeError(`speed must be between 1 and 60, got ${speed}`);
  if (!(tickMs >= 50 && tickMs <= 5000)) throw new RangeError(`tickMs must be between 50 and 5000, got ${tickMs}`);
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const speed = options.speed ?? 1;
  const tickMs = options.tickMs ?? 500;
  checkOptions(speed, tickMs);
  const seed = options.seed ?? DEFAULT_SEED;
  const warn = options.warn ?? ((m: string) => console.error(m));
  const saved = options.statePath === undefined ? null : loadState(options.statePath, warn);
  const startMs = options.startTime === undefined ? Date.now() : new Date(options.startTime).getTime();
  if (Number.isNaN(startMs)) throw new RangeError(`startTime is not a date: ${String(options.startTime)}`);

  const city = new City({ seed, startMs }, saved?.city);
  const actions = new ActionLog(saved?.actions ?? []);
  const faults: FaultState = { ...noFaults(), ...options.faults };
  const corrupter = new Corrupter();

  const subscriptions = new SubscriptionStore(options.subscriptionClock ?? Date.now);
  const publisher = new MqttPublisher({ warn });
  const subNotifier = new SubscriptionNotifier(subscriptions, publisher, { warn });
  const tracker = new ChangeTracker();
  const feed = new CityFeed(city, tracker);
  // Subscriptions hold their notifications while the platform is stalled, down or answering 503 (a broker
  // that cannot serve its API is not notifying either), and send what they held when it recovers.
  const flushSubscriptions = (): void => {
    if (!faults.stall && !faults.outage && !faults.http503) subNotifier.flush();
  };
  // createdAt / modifiedAt are a broker's own wall-clock stamps, like the subscriptions' times.
  const sysClock = new SysClock(subscriptions.now);
  const generic = new GenericEntities((id, now) => {
    const change = tracker.observe(id, now);
    if (change !== null) subNotifier.offer(sysClock.stampChanges([change]));
    flushSubscriptions();
  });
  const pushChanges = (): void => {
    subNotifier.offer(sysClock.stampChanges(feed.collect((type) => subNotifier.interestedIn(type))));
    flushSubscriptions();
  };
  const load = createLoadGenerator(city, { push: pushChanges, warn });
  const broker: EmbeddedBroker | null = options.mqttUrl === undefined && options.embeddedBroker !== false ? await startEmbeddedBroker({ warn }) : null;
  const mqttUrl = options.mqttUrl ?? broker?.url ?? null;
  const describe = (): Record<string, unknown> => ({
    seed,
    speed,
    simTime: new Date(Math.round(city.nowMs)).toISOString(),
    segments: city.graph.segments.length,
    units: city.units.size,
    incidents: city.incidents.size,
    subscriptions: subscriptions.size,
    notificationsSent: subNotifier.sent,
    genericEntities: generic.size,
    mqttUrl,
    actions: actions.entries.length,
    faults: { ...faults },
    load: { ...load.plan, published: load.published },
  });
  // The simulated clock projected onto the wall clock: the start is now, and simulated time passes at real speed.
  const wallAtStart = Date.now();
  const simAtStart = city.nowMs;
  const stamp = (simMs: number): number => Math.round(wallAtStart + (simMs - simAtStart) / speed);
  const feeds = createFeedPublishers({ city, seed, now: () => city.nowMs, stamp, warn });
  const api = { city, actions, faults, corrupter, changed: pushChanges, load };
  const platform = { api, generic, subscriptions, sysClock, forget: (id: string) => subNotifier.forget(id) };
  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    server = await startServer(
      { ...api, describe, extraRoutes: async (req, url) => (await routeFeeds(feeds, req, url)) ?? routePlatform(platform, req, url) },
      options.host ?? '127.0.0.1',
      options.port ?? 0,
    );
  } catch (err) {
    await broker?.close();
    throw err;
  }

  const step = (dt: number): void => {
    city.tick(dt);
    pushChanges();
    for (const publisher of feeds) publisher.tick(city.nowMs);
  };
  const save = (): void => {
    if (options.statePath !== undefined) saveState(options.statePath, toSaved(city.snapshot(), actions.entries));
  };
  const timers: NodeJS.Timeout[] = [];
  if (options.autoTick !== false) timers.push(setInterval(() => step((tickMs / 1000) * speed), tickMs));
  if (options.statePath !== undefined) timers.push(setInterval(save, options.saveEveryMs ?? 10_000));
  if (options.load !== undefined) load.set(options.load);

  let closing: Promise<void> | undefined;
  return {
    url: server.url,
    city,
    faults,
    actions,
    mqttUrl,
    subscriptions,
    load,
    platformNow: () => stamp(city.nowMs),
    step,
    save,
    close: () => {
      closing ??= (async () => {
        for (const t of timers) clearInterval(t);
        load.stop();
        save();
        await server.close();
        await publisher.close();
        await broker?.close();
      })();
      return closing;
    },
  };
}
