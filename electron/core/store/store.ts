import { Worker } from 'node:worker_threads';
import type { z } from 'zod';
import type { TimelineEvent } from '../../../shared/contract';
import type { OperatorProfile } from '../../../shared/domain';
import { log } from '../log/logger';
import type { ActionWrite, AuditEntryInput, DeliveryUpdate, ObservationRecord, Store, StoreFault } from './api';
import { StoreVersionError, StoreWorkerError, StoreWriteError } from './errors';
import { RESULTS, StoreResponse, WRITES } from './protocol';
import type { ErrorPayload, StoreOp, StoreRequest } from './protocol';
import { sourceWorker } from './sourceWorker';
import type { WorkerSpec } from './sourceWorker';

export interface StoreOptions {
  /** Folder of cache.db and journal.db; created if missing. */
  readonly dir: string;
  readonly now?: () => number;
  /** The worker entry; defaults to the TypeScript source (see `sourceWorker`). */
  readonly worker?: WorkerSpec;
  /** For tests: open both files read-only, or wait less for a lock than the 5 s a console waits. */
  readonly testing?: { readonly readOnly?: boolean; readonly busyTimeoutMs?: number };
  /** How soon a dead worker is started again: doubling from base to cap while it keeps failing. */
  readonly restart?: { readonly baseMs: number; readonly capMs: number };
}

const BUSY_TIMEOUT_MS = 5000;
const RESTART = { baseMs: 1_000, capMs: 30_000 };

interface Pending {
  readonly op: StoreOp;
  resolve(value: unknown): void;
  reject(error: Error): void;
}

export function createStore(options: StoreOptions): WorkerStore {
  return new WorkerStore(options);
}

/** The client side: every call is a message to the worker that owns the databases. */
export class WorkerStore implements Store {
  private worker: Worker | null = null;
  private dead: Error | null = null;
  private closing = false;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private currentFault: StoreFault | null = null;
  private readonly listeners = new Set<(fault: StoreFault | null) => void>();
  private readonly now: () => number;
  /** Failed restarts in a row: the backoff doubles with each. */
  private restartFailures = 0;
  private restartTimer: NodeJS.Timeout | null = null;
  private restartCount = 0;

  constructor(private readonly options: StoreOptions) {
    this.now = options.now ?? Date.now;
  }

  open() {
    if (this.worker !== null) return Promise.reject(new Error('the store is already open'));
    return this.startWorker();
  }

  /** How many times a dead worker was started again. */
  restarts() {
    return this.restartCount;
  }

  private startWorker() {
    const spec = this.options.worker ?? sourceWorker();
    // Never the parent's options: a console started through tsx would load tsx's loader into a compiled worker too.
    const worker = new Worker(spec.path, { execArgv: spec.execArgv ?? [] });
    this.worker = worker;
    this.dead = null;
    // Events of a worker already replaced are old news.
    const current = () => this.worker === worker;
    worker.on('message', (message: unknown) => {
      if (current()) this.receive(message);
    });
    worker.on('error', (error) => {
      if (current()) this.die(new StoreWorkerError(`the store worker failed: ${error.message}`));
    });
    worker.on('exit', (code) => {
      if (current() && !this.closing) this.die(new StoreWorkerError(`the store worker stopped unexpectedly (exit code ${code})`));
    });
    const testing = this.options.testing;
    return this.call(
      { op: 'open', dir: this.options.dir, at: this.now(), readOnly: testing?.readOnly ?? false, busyTimeoutMs: testing?.busyTimeoutMs ?? BUSY_TIMEOUT_MS },
      RESULTS.open,
    );
  }

  /** A dead worker is started again after a backoff; until then every call fails at once with the reason. */
  private scheduleRestart(error: Error) {
    if (this.closing || this.restartTimer !== null) return;
    const policy = this.options.restart ?? RESTART;
    const wait = Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(this.restartFailures, 20));
    this.setFault({ code: 'worker-down', message: `${error.message}; restarting it in ${Math.round(wait / 1000)} s`, at: this.now() });
    log().error('store: worker down, restarting', { error: error.message, waitMs: wait });
    this.restartTimer = setTimeout(() => {
      this.restartTimer = null;
      if (this.closing) return;
      this.restartFailures += 1;
      this.startWorker().then(
        () => {
          this.restartFailures = 0;
          this.restartCount += 1;
          this.setFault(null);
          log().info('store: worker restarted', { restarts: this.restartCount });
        },
        (failure: unknown) => {
          // The exit handler has scheduled the next try if the worker died; an open refused by a live worker has not.
          const reason = failure instanceof Error ? failure : new StoreWorkerError(String(failure));
          void this.worker?.terminate();
          this.dead ??= reason;
          this.scheduleRestart(reason);
        },
      );
    }, wait);
    this.restartTimer.unref();
  }

  async appendObservations(records: readonly ObservationRecord[]) {
    await this.call({ op: 'appendObservations', records: [...records] }, RESULTS.appendObservations);
  }

  loadLatest() {
    return this.call({ op: 'loadLatest' }, RESULTS.loadLatest);
  }

  countObservations() {
    return this.call({ op: 'countObservations' }, RESULTS.countObservations);
  }

  prune(before: number) {
    return this.call({ op: 'prune', before }, RESULTS.prune);
  }

  async recordAction(write: ActionWrite) {
    await this.call({ op: 'recordAction', write, at: this.now() }, RESULTS.recordAction);
  }

  async updateDelivery(actionId: string, update: DeliveryUpdate, actor: OperatorProfile) {
    await this.call({ op: 'updateDelivery', actionId, update, actor, at: this.now() }, RESULTS.updateDelivery);
  }

  outbox() {
    return this.call({ op: 'outbox' }, RESULTS.outbox);
  }

  localIncidents() {
    return this.call({ op: 'localIncidents' }, RESULTS.localIncidents);
  }

  async appendTimeline(rows: readonly { incidentId: string; event: TimelineEvent }[]) {
    await this.call({ op: 'appendTimeline', rows: [...rows] }, RESULTS.appendTimeline);
  }

  timelineOf(incidentId: string) {
    return this.call({ op: 'timelineOf', incidentId }, RESULTS.timelineOf);
  }

  incidentVersions(incidentId: string) {
    return this.call({ op: 'incidentVersions', incidentId }, RESULTS.incidentVersions);
  }

  verifyAudit() {
    return this.call({ op: 'verifyAudit' }, RESULTS.verifyAudit);
  }

  exportAudit(path: string) {
    return this.call({ op: 'exportAudit', path }, RESULTS.exportAudit);
  }

  /** Tests only: caps a database's size in pages so the next growing write fails as on a full disk. Returns the cap in force. */
  limitPages(db: 'cache' | 'journal', pages: number) {
    return this.call({ op: 'limitPages', db, pages }, RESULTS.limitPages);
  }

  fault() {
    return this.currentFault;
  }

  onFault(listener: (fault: StoreFault | null) => void) {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  async recordAudit(entry: AuditEntryInput) {
    await this.call({ op: 'recordAudit', entry }, RESULTS.recordAudit);
  }

  auditProfile(profile: OperatorProfile, actionId: string) {
    return this.call({ op: 'auditProfile', profile, actionId, at: this.now() }, RESULTS.auditProfile);
  }

  /** Tests only: the worker thread exits as a crashed one would. */
  crashWorker() {
    this.worker?.postMessage({ id: this.nextId++, request: { op: 'crash' } });
  }

  async close() {
    if (this.restartTimer !== null) clearTimeout(this.restartTimer);
    this.restartTimer = null;
    const worker = this.worker;
    if (worker === null || this.closing) return;
    if (this.dead === null) await this.call({ op: 'close' }, RESULTS.close).catch(() => undefined);
    this.closing = true;
    await worker.terminate();
    this.dead = new StoreWorkerError('the store is closed');
  }

  private call<T>(request: StoreRequest, result: z.ZodType<T>): Promise<T> {
    const worker = this.worker;
    if (this.dead !== null) return Promise.reject(this.dead);
    if (worker === null) return Promise.reject(new Error('the store is not open: call open() first'));
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, {
        op: request.op,
        resolve: (value) => {
          const parsed = result.safeParse(value);
          if (parsed.success) resolve(parsed.data);
          else reject(new Error(`the store worker answered ${request.op} with something unexpected: ${parsed.error.issues[0]?.message ?? ''}`));
        },
        reject,
      });
      worker.postMessage({ id, request });
    });
  }

  private receive(message: unknown) {
    const parsed = StoreResponse.safeParse(message);
    if (!parsed.success) {
      this.die(new StoreWorkerError('the store worker sent an unreadable message'));
      return;
    }
    const response = parsed.data;
    const pending = this.pending.get(response.id);
    if (pending === undefined) return;
    this.pending.delete(response.id);
    if (response.ok) {
      if (WRITES[pending.op] !== undefined) this.setFault(null);
      pending.resolve(response.value);
      return;
    }
    const error = toError(response.error);
    if (error instanceof StoreWriteError) this.setFault({ code: error.code, message: error.message, at: this.now() });
    pending.reject(error);
  }

  /** Listeners hear about a new kind of fault and about its end, not about every failed retry. */
  private setFault(fault: StoreFault | null) {
    if (fault === null ? this.currentFault === null : this.currentFault?.code === fault.code) return;
    this.currentFault = fault;
    for (const listener of this.listeners) listener(fault);
  }

  private die(error: Error) {
    if (this.dead !== null) return;
    this.dead = error;
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
    this.scheduleRestart(error);
  }
}

function toError(payload: ErrorPayload): Error {
  switch (payload.kind) {
    case 'version':
      return new StoreVersionError(payload.file, payload.found, payload.known);
    case 'fault':
      return new StoreWriteError(payload.code, payload.message);
    case 'other':
      return new Error(payload.message);
  }
}
