import type { ActionAccepted, ActionRequest, OutboxView } from '../../../shared/contract';
import { mayPerform } from '../../../shared/domain';
import type { Incident, OperatorAction, OperatorProfile, OutboxEntry } from '../../../shared/domain';
import type { EventHub } from '../events';
import type { BrokerConfig } from '../feeds/ngsi/http';
import type { LiveHub } from '../live/liveHub';
import type { Store } from '../store/api';
import { applyActionLocally } from './localApply';
import type { DeliveryOutcome } from './planner';
import { planDeliveries, settle } from './planner';
import { deliverAction } from './transport';

/** An action the core will not queue, with the reason the operator sees. */
export class ActionRefused extends Error {
  override name = 'ActionRefused';
}

export interface ActionServiceOptions {
  readonly store: Store | null;
  readonly live: LiveHub;
  readonly broker: BrokerConfig | null;
  readonly profile: OperatorProfile;
  readonly events: EventHub;
  readonly newId: () => string;
  readonly now?: () => number;
  /** How often to look for actions whose backoff has passed. */
  readonly tickMs?: number;
  readonly send?: (broker: BrokerConfig, entry: OutboxEntry) => Promise<DeliveryOutcome>;
}

export interface ActionService {
  start(): Promise<void>;
  stop(): void;
  perform(request: ActionRequest): Promise<ActionAccepted>;
  view(): OutboxView;
  /** The platform is back: whatever waits in backoff goes now, rather than when its timer says. */
  linkRestored(): void;
}

const SETTLED_SHOWN = 200;

/**
 * Operator actions: applied locally and written durably (local state, outbox and audit in one transaction)
 * before the operator is told "queued", then delivered to the platform in order per incident, at least once,
 * with backoff. The platform deduplicates by action id, so each is applied exactly once.
 */
export function createActionService(o: ActionServiceOptions): ActionService {
  const now = o.now ?? Date.now;
  const send = o.send ?? deliverAction;
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
    return { entries: [...entries.filter((e) => e.state === 'queued'), ...settled].sort((a, b) => a.seq - b.seq) };
  };

  const changed = (incidentId: string) => {
    o.live.refreshIncident(incidentId);
    o.events.emit('outbox:changed', view());
  };

  async function deliver(entry: OutboxEntry, broker: BrokerConfig, store: Store): Promise<void> {
    inFlight.add(entry.actionId);
    try {
      const outcome = await send(broker, entry);
      const update = settle(entry, outcome, now());
      await store.updateDelivery(entry.actionId, update, entry.actor);
      entries = entries.map((e) => (e.actionId === entry.actionId ? { ...e, ...update } : e));
      changed(entry.action.incidentId);
    } catch (error) {
      // The store could not record the outcome (disk fault): the action stays queued and is sent again; the platform deduplicates.
      console.error(`outbox: could not record delivery of ${entry.actionId}: ${String(error)}`);
    } finally {
      inFlight.delete(entry.actionId);
    }
    kick();
  }

  function kick(): void {
    if (!o.broker || !o.store) return;
    for (const entry of planDeliveries({ entries, now: now(), inFlight })) void deliver(entry, o.broker, o.store);
  }

  return {
    async start() {
      if (o.store) entries = await o.store.outbox();
      o.live.setIncidentView(overlay);
      timer = setInterval(kick, o.tickMs ?? 500);
      kick();
    },
    stop() {
      if (timer) clearInterval(timer);
    },
    view,
    linkRestored() {
      entries = entries.map((e) => (e.state === 'queued' ? { ...e, nextAttemptAt: null } : e));
      kick();
    },
    async perform(request) {
      if (!mayPerform(o.profile.role, request)) throw new ActionRefused(`${o.profile.role === 'operator' ? 'an operator' : 'a supervisor'} may not ${request.kind === 'status' ? `move an incident to ${request.status}` : request.kind}`);
      if (!o.store) throw new ActionRefused('the local store is unavailable, so the action cannot be kept safely; see the store status');
      const platform = o.live.platformIncident(request.incidentId);
      if (!platform) throw new ActionRefused(`unknown incident ${request.incidentId}`);
      const before = overlay(platform);
      const actionId = o.newId();
      const action: OperatorAction = request.kind === 'note' ? { ...request, noteId: actionId } : request;
      const after = applyActionLocally(before, action, o.profile, now());
      if (!after.ok) throw new ActionRefused(after.reason);
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
      entries = await o.store.outbox();
      changed(request.incidentId);
      kick();
      return { actionId, state: 'queued' };
    },
  };
}
