import type { ActionAccepted, ActionRequest, OutboxView } from '../../../shared/contract';
import { mayPerform } from '../../../shared/domain';
import type { Incident, OperatorAction, OperatorProfile, OutboxEntry } from '../../../shared/domain';
import type { EventHub } from '../events';
import type { BrokerConfig } from '../feeds/ngsi/http';
import type { LiveHub } from '../live/liveHub';
import { log } from '../log/logger';
import type { Store } from '../store/api';
import { DeliveryGate } from './deliveryGate';
import { applyActionLocally } from './localApply';
import type { DeliveryOutcome } from './planner';
import { planDeliveries, settle } from './planner';
import { RecentSubmissions } from './submissions';
import { deliverAction } from './transport';

/** An action the core will not queue, with the reason the operator sees. */
export class ActionRefused extends Error {
  override name = 'ActionRefused';
}

/** What the outbox needs of the store and of the live state (narrow, so tests can stand in for them). */
export type OutboxStore = Pick<Store, 'recordAction' | 'updateDelivery' | 'outbox' | 'recordAudit' | 'auditProfile'>;
export type OutboxLive = Pick<LiveHub, 'platformIncident' | 'platformUpdatedAt' | 'setIncidentView' | 'refreshIncident'>;

export interface ActionServiceOptions {
  readonly store: OutboxStore | null;
  readonly live: OutboxLive;
  readonly broker: BrokerConfig | null;
  readonly profile: OperatorProfile;
  readonly events: Pick<EventHub, 'emit'>;
  readonly newId: () => string;
  readonly now?: () => number;
  readonly random?: () => number;
  /** How often to look for actions whose backoff has passed. */
  readonly tickMs?: number;
  /** Sends one action; `platform` is the incident as the platform shows it now (a dispatch adds to its units). */
  readonly send?: (broker: BrokerConfig, entry: OutboxEntry, platform: Incident | null) => Promise<DeliveryOutcome>;
}

export interface ActionService {
  start(): Promise<void>;
  stop(): void;
  perform(request: ActionRequest): Promise<ActionAccepted>;
  view(): OutboxView;
  /** The platform is back: whatever waits in backoff goes now, rather than when its timer says. */
  linkRestored(): void;
  /** Sends whatever is due now (the timer calls it every `tickMs`). */
  tick(): void;
}

const SETTLED_SHOWN = 200;
/** OutboxView holds at most 5000 rows: past that, a long outage shows the oldest queued (delivered first); every one is still kept and delivered. */
const QUEUED_SHOWN = 5000 - SETTLED_SHOWN;
const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

function refusalText(role: OperatorProfile['role'], request: ActionRequest): string {
  const who = role === 'operator' ? 'an operator' : role === 'supervisor' ? 'a supervisor' : `a ${role}`;
  return `${who} may not ${request.kind === 'status' ? `move an incident to ${request.status}` : request.kind}`;
}

/**
 * Operator actions: applied locally and written durably (local state, outbox and audit in one transaction)
 * before the operator is told "queued", then delivered to the platform in order per incident, at least once,
 * with backoff. The platform deduplicates by action id, so each is applied exactly once.
 */
export function createActionService(o: ActionServiceOptions): ActionService {
  const now = o.now ?? Date.now;
  const random = o.random ?? Math.random;
  const send = o.send ?? ((broker, entry, platform) => deliverAction(broker, entry, platform));
  const gate = new DeliveryGate(now, random);
  const submissions = new RecentSubmissions();
  let entries: OutboxEntry[] = [];
  const inFlight = new Set<string>();
  let timer: NodeJS.Timeout | null = null;

  /** Queued actions, and confirmed ones the platform has not yet echoed back, drawn over its incident. */
  const overlay = (incident: Incident): Incident => {
    const seen = o.live.platformUpdatedAt(incident.id);
    return entries
      .filter((e) => e.action.incidentId === incident.id && (e.state === 'queued' || (e.state === 'confirmed' && (e.settledAt ?? 0) > seen)))
      .reduce((current, e) => {
        const next = applyActionLocally(current, e.action, e.actor, e.createdAt);
        return next.ok ? next.value : current;
      }, incident);
  };

  const view = (): OutboxView => {
    const settled = entries.filter((e) => e.state !== 'queued').slice(-SETTLED_SHOWN);
    return { entries: [...entries.filter((e) => e.state === 'queued').slice(0, QUEUED_SHOWN), ...settled].sort((a, b) => a.seq - b.seq), hold: gate.hold() };
  };

  const changed = (incidentId: string | null) => {
    if (incidentId !== null) o.live.refreshIncident(incidentId);
    o.events.emit('outbox:changed', view());
  };

  const patchEntry = (actionId: string, change: Partial<OutboxEntry>) => {
    entries = entries.map((e) => (e.actionId === actionId ? { ...e, ...change } : e));
  };

  async function deliver(entry: OutboxEntry, broker: BrokerConfig, store: OutboxStore): Promise<void> {
    inFlight.add(entry.actionId);
    try {
      const outcome = await send(broker, entry, o.live.platformIncident(entry.action.incidentId) ?? null);
      if (outcome.kind === 'unauthorized') {
        // Wrong credentials say nothing about the action: it stays queued as it was, and the whole queue waits.
        if (gate.refused(outcome.status, outcome.reason)) {
          log().warn('outbox: the platform refuses this console\'s credentials; holding every action', { status: outcome.status, reason: outcome.reason });
          changed(null);
        }
        return;
      }
      if (gate.accepted()) {
        log().info('outbox: the platform accepts the credentials again; sending the queue');
        changed(null);
      }
      const update = settle(entry, outcome, now(), random);
      try {
        await store.updateDelivery(entry.actionId, update, entry.actor);
      } catch (error) {
        // Not recorded: the action stays queued and is sent again later (the platform deduplicates), after a backoff
        // for it and for the queue as a whole, so a failing disk does not turn into a loop of requests and log lines.
        const wait = gate.recordFailed();
        patchEntry(entry.actionId, { nextAttemptAt: now() + wait });
        log().error('outbox: could not record a delivery result; retrying later', { actionId: entry.actionId, waitMs: wait, failures: gate.recordFailuresInRow(), error: describe(error) });
        return;
      }
      gate.recorded();
      patchEntry(entry.actionId, update);
      changed(entry.action.incidentId);
    } catch (error) {
      log().error('outbox: delivery failed unexpectedly', { actionId: entry.actionId, error: describe(error) });
    } finally {
      inFlight.delete(entry.actionId);
    }
    kick();
  }

  function kick(): void {
    if (!o.broker || !o.store) return;
    const permit = gate.permit();
    if (permit.kind === 'none') return;
    if (permit.kind === 'probe') {
      // One action, whatever its own backoff, to learn whether the credentials are accepted again.
      const probe = inFlight.size === 0 ? planDeliveries({ entries, now: Number.MAX_SAFE_INTEGER, inFlight })[0] : undefined;
      if (probe !== undefined) void deliver(probe, o.broker, o.store);
      return;
    }
    for (const entry of planDeliveries({ entries, now: now(), inFlight })) void deliver(entry, o.broker, o.store);
  }

  /** A refused action is audited too (who tried what, and why not), when there is a store to keep it. */
  async function refuse(request: ActionRequest, reason: string): Promise<never> {
    if (o.store) {
      await o.store
        .recordAudit({ at: now(), actor: o.profile, actionId: o.newId(), event: `refused:${request.kind}`, before: request, after: { reason } })
        .catch((error: unknown) => log().warn('outbox: could not audit a refused action', { error: describe(error) }));
    }
    throw new ActionRefused(reason);
  }

  return {
    async start() {
      if (o.store) {
        entries = await o.store.outbox();
        await o.store.auditProfile(o.profile, o.newId()).catch((error: unknown) => log().warn('outbox: could not audit the operator profile', { error: describe(error) }));
      }
      o.live.setIncidentView(overlay);
      timer = setInterval(kick, o.tickMs ?? 500);
      kick();
    },
    stop() {
      if (timer) clearInterval(timer);
    },
    view,
    tick: kick,
    linkRestored() {
      entries = entries.map((e) => (e.state === 'queued' ? { ...e, nextAttemptAt: null } : e));
      kick();
    },
    async perform(request) {
      if (!mayPerform(o.profile.role, request)) return refuse(request, refusalText(o.profile.role, request));
      if (!o.store) throw new ActionRefused('the local store is unavailable, so the action cannot be kept safely; see the store status');
      const platform = o.live.platformIncident(request.incidentId);
      if (!platform) return refuse(request, `unknown incident ${request.incidentId}`);
      const before = overlay(platform);
      const repeated = submissions.find(request, before.status, now());
      if (repeated !== null) return { actionId: repeated, state: 'queued' };
      const actionId = o.newId();
      const action: OperatorAction = toAction(request, actionId);
      const after = applyActionLocally(before, action, o.profile, now());
      if (!after.ok) return refuse(request, after.reason);
      const entry: OutboxEntry = {
        actionId,
        seq: entries.reduce((max, e) => Math.max(max, e.seq), 0) + 1,
        action,
        actor: o.profile,
        createdAt: now(),
        state: 'queued',
        attempts: 0,
        nextAttemptAt: null,
        lastError: null,
        settledAt: null,
      };
      await o.store.recordAction({ entry, before, after: after.value });
      submissions.remember(request, actionId, before.status, after.value.status, now());
      entries = await o.store.outbox();
      changed(request.incidentId);
      kick();
      return { actionId, state: 'queued' };
    },
  };
}

/** The action as queued: the window's request without its client request id, a note with its id. */
function toAction(request: ActionRequest, actionId: string): OperatorAction {
  switch (request.kind) {
    case 'acknowledge':
      return { kind: 'acknowledge', incidentId: request.incidentId };
    case 'note':
      return { kind: 'note', incidentId: request.incidentId, noteId: actionId, text: request.text };
    case 'status':
      return { kind: 'status', incidentId: request.incidentId, status: request.status };
    case 'dispatch':
      return { kind: 'dispatch', incidentId: request.incidentId, unitIds: request.unitIds };
  }
}
