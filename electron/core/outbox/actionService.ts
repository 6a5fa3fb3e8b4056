import { coded } from '../../../shared/contract';
import type { ActionAccepted, ActionRequest, CodedReason, OutboxView } from '../../../shared/contract';
import type { TimelineEvent } from '../../../shared/contract';
import { mayPerform, subjectOf } from '../../../shared/domain';
import type { Incident, OperatorProfile, OutboxEntry, Unit } from '../../../shared/domain';
import type { EventHub } from '../events';
import type { ActionDelivery } from './actionDelivery';
import type { LiveHub } from '../live/liveHub';
import { log } from '../log/logger';
import type { Store } from '../store/api';
import { DeliveryGate } from './deliveryGate';
import { EntryBook } from './entryBook';
import { ownEvent } from '../timeline/ownEvents';
import { newEntry, newIncidentId, toAction } from './entries';
import { applyActionLocally, applyUnitService, createdIncident } from './localApply';
import { NOTE_RUN_MAX, noteRun, planDeliveries } from './planner';
import { createDeliveryResults } from './deliveryResults';
import { RecentSubmissions } from './submissions';

/** An action the core will not queue, with the reason the operator sees. */
export class ActionRefused extends Error {
  override name = 'ActionRefused';
  /** The same, coded for the operator's language; the message stays for logs and as the fallback. */
  readonly reason: CodedReason | undefined;
  constructor(message: string, reason?: CodedReason) {
    super(message);
    this.reason = reason;
  }
}

/** What the outbox needs of the store and of the live state (narrow, so tests can stand in for them). */
export type OutboxStore = Pick<Store, 'recordAction' | 'updateDelivery' | 'outbox' | 'recordAudit' | 'auditProfile'>;
export type OutboxLive = Pick<LiveHub, 'platformIncident' | 'platformUpdatedAt' | 'setIncidentView' | 'refreshIncident'>;

/** What creating incidents, unit duty changes and the timeline need besides: optional, so a narrow test can leave them out. */
export interface OutboxLocal {
  /** Shows an incident this console created and the platform has not yet listed. */
  seedIncident(incident: Incident): void;
  unit(id: string): Unit | undefined;
  /** Adds this console's doings to the incident's timeline in memory (the journal has them already). */
  timeline(incidentId: string, events: readonly TimelineEvent[]): void;
}

export interface ActionServiceOptions {
  readonly store: OutboxStore | null;
  readonly live: OutboxLive;
  readonly local?: OutboxLocal;
  /** How actions reach the platform; null when none is configured (actions are kept, nothing is sent). */
  readonly delivery: ActionDelivery | null;
  readonly profile: OperatorProfile;
  readonly events: Pick<EventHub, 'emit'>;
  readonly newId: () => string;
  readonly now?: () => number;
  readonly random?: () => number;
  /** How often to look for actions whose backoff has passed. */
  readonly tickMs?: number;
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
/**
 * How long between two views while a queue drains: 100 ms, and 0.1 ms more per row the last one held, since
 * each is validated whole on its way to the windows (a 5 000-row view took a sixth of the core's time at 10 a second).
 */
const emitInterval = (rows: number): number => 100 + Math.round(rows / 10);
/** OutboxView holds at most 5000 rows: past that, a long outage shows the oldest queued (delivered first); every one is still kept and delivered. */
const QUEUED_SHOWN = 5000 - SETTLED_SHOWN;
const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

const ACTION_WORDS: Record<Exclude<ActionRequest['kind'], 'status'>, string> = {
  acknowledge: 'acknowledge',
  note: 'note',
  dispatch: 'dispatch',
  create: 'create an incident',
  'sop-check': 'check a procedure item',
  'unit-service': 'take a unit out of service or back',
};

function refusalText(role: OperatorProfile['role'], request: ActionRequest): string {
  const who = role === 'operator' ? 'an operator' : role === 'supervisor' ? 'a supervisor' : `a ${role}`;
  return `${who} may not ${request.kind === 'status' ? `move an incident to ${request.status}` : ACTION_WORDS[request.kind]}`;
}

/**
 * Operator actions: applied locally and written durably (local state, outbox and audit in one transaction)
 * before the operator is told "queued", then delivered to the platform in order per incident, at least once,
 * with backoff. The platform deduplicates by action id, so each is applied exactly once.
 */
export function createActionService(o: ActionServiceOptions): ActionService {
  const now = o.now ?? Date.now;
  const random = o.random ?? Math.random;
  const gate = new DeliveryGate(now, random);
  const submissions = new RecentSubmissions();
  let book = new EntryBook();
  const inFlight = new Set<string>();
  /** Notes whose run the platform would not take as one request: each goes by itself. */
  const alone = new Set<string>();
  let timer: NodeJS.Timeout | null = null;
  let lastEmitAt = 0;
  let lastShown = 0;
  let trailingEmit: NodeJS.Timeout | null = null;

  /** Queued actions, and confirmed ones the platform has not yet echoed back, drawn over its incident. */
  const overlay = (incident: Incident): Incident => {
    const seen = o.live.platformUpdatedAt(incident.id);
    return book
      .ofSubject(incident.id)
      .filter((e) => e.state === 'queued' || (e.state === 'confirmed' && (e.settledAt ?? 0) > seen))
      .reduce((current, e) => {
        const next = applyActionLocally(current, e.action, e.actor, e.createdAt);
        return next.ok ? next.value : current;
      }, incident);
  };

  const view = (): OutboxView => {
    const all = book.all();
    const settled = all.filter((e) => e.state !== 'queued').slice(-SETTLED_SHOWN);
    return { entries: [...all.filter((e) => e.state === 'queued').slice(0, QUEUED_SHOWN), ...settled].sort((a, b) => a.seq - b.seq), hold: gate.hold() };
  };

  const emitView = () => {
    lastEmitAt = Date.now();
    const shown = view();
    lastShown = shown.entries.length;
    o.events.emit('outbox:changed', shown);
  };

  /**
   * The windows hear of a change at once, then at most every emitInterval while a long queue drains: each
   * view is a whole (validated) list, so one per delivered action would make a drain quadratic.
   */
  const changed = (incidentId: string | null) => {
    if (incidentId !== null) o.live.refreshIncident(incidentId);
    if (trailingEmit !== null) return;
    const since = Date.now() - lastEmitAt;
    const every = emitInterval(lastShown);
    if (since >= every) return emitView();
    trailingEmit = setTimeout(() => {
      trailingEmit = null;
      emitView();
    }, every - since);
  };

  const patchEntry = (actionId: string, change: Partial<OutboxEntry>) => book.patch(actionId, change);
  const results = createDeliveryResults({ gate, alone, patch: patchEntry, changed, now, random });

  /**
   * Sends one action, or a run of notes of one incident (planner noteRun) as one request, and records the outcome
   * of each. A run the platform would not take as one is marked to go one by one: nothing of it is recorded.
   */
  async function deliver(run: readonly OutboxEntry[], delivery: ActionDelivery, store: OutboxStore): Promise<void> {
    const head = run[0];
    if (head === undefined) return;
    for (const e of run) inFlight.add(e.actionId);
    try {
      const outcome = run.length > 1 && delivery.deliverNotes !== undefined ? await delivery.deliverNotes(run) : await delivery.deliver(head, { platform: o.live.platformIncident(subjectOf(head.action)) ?? null });
      if (outcome.kind === 'split') {
        for (const e of run) alone.add(e.actionId);
        log().info('outbox: the platform did not take a run of notes as one request; sending them one by one', { incidentId: subjectOf(head.action), notes: run.length, reason: outcome.reason });
      } else if (!(await results.answered(run, outcome, store))) return;
    } catch (error) {
      log().error('outbox: delivery failed unexpectedly', { actionId: head.actionId, actions: run.length, error: describe(error) });
    } finally {
      for (const e of run) inFlight.delete(e.actionId);
    }
    kick();
  }

  /** A call taken here stays on screen until the platform lists it, whatever a resync meanwhile said. */
  function keepCreatedShown(): void {
    // A create is the first action on its incident, so a queued one is always its subject's head.
    for (const e of book.heads()) {
      if (e.state !== 'queued' || e.action.kind !== 'create' || o.live.platformIncident(e.action.incidentId)) continue;
      o.local?.seedIncident(createdIncident(e.action, e.actor, e.createdAt));
    }
  }

  function kick(): void {
    keepCreatedShown();
    if (!o.delivery || !o.store) return;
    const permit = gate.permit();
    if (permit.kind === 'none') return;
    if (permit.kind === 'probe') {
      // One action, whatever its own backoff, to learn whether the credentials are accepted again.
      const probe = inFlight.size === 0 ? planDeliveries({ entries: book.heads(), now: Number.MAX_SAFE_INTEGER, inFlight })[0] : undefined;
      if (probe !== undefined) void deliver([probe], o.delivery, o.store);
      return;
    }
    const runs = o.delivery.deliverNotes !== undefined;
    for (const entry of planDeliveries({ entries: book.heads(), now: now(), inFlight })) {
      void deliver(runs ? noteRun(book.queuedOfSubject(subjectOf(entry.action)), NOTE_RUN_MAX, alone) : [entry], o.delivery, o.store);
    }
  }

  /** A refused action is audited too (who tried what, and why not), when there is a store to keep it. */
  async function refuse(request: ActionRequest, reason: string, why?: CodedReason): Promise<never> {
    if (o.store) {
      await o.store
        .recordAudit({ at: now(), actor: o.profile, actionId: o.newId(), event: `refused:${request.kind}`, before: request, after: { reason } })
        .catch((error: unknown) => log().warn('outbox: could not audit a refused action', { error: describe(error) }));
    }
    throw new ActionRefused(reason, why);
  }

  return {
    async start() {
      if (o.store) {
        book = new EntryBook(await o.store.outbox());
        await o.store.auditProfile(o.profile, o.newId()).catch((error: unknown) => log().warn('outbox: could not audit the operator profile', { error: describe(error) }));
      }
      o.live.setIncidentView(overlay);
      timer = setInterval(kick, o.tickMs ?? 500);
      kick();
    },
    stop() {
      if (timer) clearInterval(timer);
      if (trailingEmit) clearTimeout(trailingEmit);
      trailingEmit = null;
    },
    view,
    tick: kick,
    linkRestored() {
      book.retryAllNow();
      kick();
    },
    async perform(request) {
      if (!mayPerform(o.profile.role, request)) return refuse(request, refusalText(o.profile.role, request), coded('role-not-allowed', { role: o.profile.role, action: request.kind === 'status' ? `status:${request.status}` : request.kind }));
      if (!o.store) throw new ActionRefused('the local store is unavailable, so the action cannot be kept safely; see the store status', coded('store-unavailable'));
      return request.kind === 'unit-service' ? performOnUnit(o.store, request) : performOnIncident(o.store, request);
    },
  };

  /** Writes the action (state, outbox, audit, timeline in one transaction), then tells the windows and starts delivery. */
  async function commit(store: OutboxStore, write: Parameters<OutboxStore['recordAction']>[0]): Promise<void> {
    await store.recordAction(write);
    book.add(write.entry);
    if (write.timeline !== undefined) o.local?.timeline(write.timeline.incidentId, [write.timeline.event]);
  }

  function nextSeq(): number {
    return book.nextSeq();
  }

  async function performOnUnit(store: OutboxStore, request: Extract<ActionRequest, { kind: 'unit-service' }>): Promise<ActionAccepted> {
    const unit = o.local?.unit(request.unitId);
    if (!unit) return refuse(request, `unknown unit ${request.unitId}`, coded('unknown-unit', { id: request.unitId }));
    const repeated = submissions.find(request, unit.status, now());
    if (repeated !== null) return { actionId: repeated, state: 'queued' };
    const actionId = o.newId();
    const action = toAction(request, actionId, '');
    if (action.kind !== 'unit-service') throw new Error('a unit request became another action');
    const after = applyUnitService(unit, action);
    if (!after.ok) return refuse(request, after.reason, after.coded);
    await commit(store, { entry: newEntry(actionId, nextSeq(), action, o.profile, now()), before: unit, after: after.value });
    submissions.remember(request, actionId, unit.status, after.value.status, now());
    changed(null);
    kick();
    return { actionId, state: 'queued' };
  }

  async function performOnIncident(store: OutboxStore, request: Exclude<ActionRequest, { kind: 'unit-service' }>): Promise<ActionAccepted> {
    const repeatedCreate = request.kind === 'create' ? submissions.find(request, 'new', now()) : null;
    if (repeatedCreate !== null) return { actionId: repeatedCreate, state: 'queued', incidentId: book.get(repeatedCreate)?.action.incidentId };
    const actionId = o.newId();
    const action = toAction(request, actionId, request.kind === 'create' ? newIncidentId(o.newId()) : request.incidentId);
    if (action.kind === 'unit-service') throw new Error('an incident request became a unit action');
    const created = action.kind === 'create' ? createdIncident(action, o.profile, now()) : null;
    const platform = created ?? o.live.platformIncident(action.incidentId);
    if (!platform) return refuse(request, `unknown incident ${action.incidentId}`, coded('unknown-incident', { id: action.incidentId }));
    const before = created ? null : overlay(platform);
    const repeated = before === null ? null : submissions.find(request, before.status, now());
    if (repeated !== null) return { actionId: repeated, state: 'queued' };
    const after = before === null ? { ok: true as const, value: platform } : applyActionLocally(before, action, o.profile, now());
    if (!after.ok) return refuse(request, after.reason, after.coded);
    const entry = newEntry(actionId, nextSeq(), action, o.profile, now());
    const event = ownEvent(actionId, action, o.profile, now(), before, after.value);
    await commit(store, { entry, before, after: after.value, timeline: { incidentId: action.incidentId, event } });
    submissions.remember(request, actionId, before?.status ?? 'new', after.value.status, now());
    if (created) o.local?.seedIncident(created);
    changed(action.incidentId);
    kick();
    return created ? { actionId, state: 'queued', incidentId: created.id } : { actionId, state: 'queued' };
  }
}
