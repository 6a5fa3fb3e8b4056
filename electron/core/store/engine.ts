import { chmodSync, mkdirSync } from 'node:fs';
import type BetterSqlite3 from 'better-sqlite3';
import { z } from 'zod';
import type { RecoveredFile, StoreOpenReport } from './api';
import { loadAuditKey, PRIVATE_DIR_MODE, readCheckpoint, removeStaleTemporaries } from './auditAnchor';
import { exportChain } from './auditExport';
import { verifyChain } from './auditVerify';
import { connect } from './connection';
import type { DatabaseSpec } from './connection';
import { ActionJournal } from './journalActions';
import { reconcileAnchor } from './journalOpen';
import { cacheMigrations } from './migrations/cache';
import { journalMigrations } from './migrations/journal';
import { ObservationCache } from './observations';
import { incidentVersions } from './observationLog';
import { TimelineJournal } from './journalTimeline';
import type { StoreRequest } from './protocol';

// The cache can be fetched again, so a commit need not wait for the disk; the journal holds what only this console knows.
// A start reads only the cache's latest picture, so that is what a start after a clean close checks of it.
export const CACHE_DB: DatabaseSpec = { name: 'cache.db', synchronous: 'NORMAL', wal: { autocheckpointPages: 10_000, sizeLimitBytes: 64 * 1024 * 1024 }, migrations: cacheMigrations, startCheck: { tables: ['latest'] } };
export const JOURNAL_DB: DatabaseSpec = { name: 'journal.db', synchronous: 'FULL', wal: { autocheckpointPages: 1_000, sizeLimitBytes: 16 * 1024 * 1024 }, migrations: journalMigrations, startCheck: 'whole' };

interface Opened {
  readonly dir: string;
  readonly key: Buffer | null;
  readonly cache: BetterSqlite3.Database;
  readonly journal: BetterSqlite3.Database;
  readonly observations: ObservationCache;
  readonly actions: ActionJournal;
}

/** The worker's side of the store: synchronous, one connection per file, the only writer. */
export class StoreEngine {
  private opened: Opened | null = null;

  /** Delivery results that arrived together, recorded in one transaction (see ActionJournal.updateDeliveries). */
  handleDeliveries(requests: readonly Extract<StoreRequest, { op: 'updateDelivery' }>[]): void {
    this.require().actions.updateDeliveries(requests);
  }

  handle(request: StoreRequest): unknown {
    if (request.op === 'open') return this.open(request);
    if (request.op === 'close') return this.close();
    const { dir, key, cache, journal, observations, actions } = this.require();
    switch (request.op) {
      case 'appendObservations':
        observations.appendObservations(request.records);
        return null;
      case 'loadLatest':
        return observations.loadLatest();
      case 'countObservations':
        return observations.countObservations();
      case 'prune':
        return observations.prune(request.before);
      case 'recordAction':
        actions.recordAction(request.write, request.at);
        return null;
      case 'updateDelivery':
        actions.updateDelivery(request.actionId, request.update, request.actor, request.at);
        return null;
      case 'recordAudit':
        actions.recordAudit(request.entry);
        return null;
      case 'auditProfile':
        return actions.auditProfile(request.profile, request.actionId, request.at);
      case 'outbox':
        return actions.outbox();
      case 'localIncidents':
        return actions.localIncidents();
      case 'appendTimeline':
        actions.timeline.append(request.rows);
        return null;
      case 'timelineOf':
        return actions.timeline.of(request.incidentId);
      case 'incidentVersions':
        return incidentVersions(cache, request.incidentId);
      case 'verifyAudit':
        return verifyChain(journal, { key, checkpoint: readCheckpoint(dir) });
      case 'exportAudit': {
        const head = readCheckpoint(dir);
        return exportChain(journal, request.path, head.kind === 'ok' ? head.checkpoint : null);
      }
      case 'limitPages':
        return z.number().int().parse((request.db === 'cache' ? cache : journal).pragma(`max_page_count = ${request.pages}`, { simple: true }));
      case 'crash':
        // Tests only: the thread ends as if the worker had died (process.exit in a worker ends only the worker).
        process.exit(70);
    }
  }

  private open(request: Extract<StoreRequest, { op: 'open' }>): StoreOpenReport {
    if (this.opened !== null) throw new Error('the store is already open');
    const { dir, readOnly } = request;
    if (!readOnly) {
      mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
      chmodSync(dir, PRIVATE_DIR_MODE);
      removeStaleTemporaries(dir);
    }
    const options = { dir, at: request.at, readOnly, busyTimeoutMs: request.busyTimeoutMs };
    const cache = connect(CACHE_DB, options);
    let journal;
    try {
      journal = connect(JOURNAL_DB, options);
    } catch (error) {
      cache.db.close();
      throw error;
    }
    // After both files opened: a refused open (a newer schema) leaves the folder as it found it.
    let loaded;
    try {
      loaded = loadAuditKey(dir, !readOnly);
    } catch (error) {
      cache.db.close();
      journal.db.close();
      throw error;
    }
    const key = loaded?.key ?? null;
    const actions = new ActionJournal(journal.db, { key, dir }, new TimelineJournal(journal.db));
    const recoveredActions = readOnly || key === null ? 0 : reconcileAnchor({ db: journal.db, actions, key, dir, at: request.at, recovered: journal.recovered, newKey: loaded?.created ?? false });
    this.opened = { dir, key, cache: cache.db, journal: journal.db, observations: new ObservationCache(cache.db), actions };
    const recovered: RecoveredFile[] = [cache.recovered, journal.recovered === null ? null : { ...journal.recovered, recoveredActions }].filter((file) => file !== null);
    return { versions: { cache: cache.version, journal: journal.version }, recovered };
  }

  private close(): null {
    this.opened?.cache.close();
    this.opened?.journal.close();
    this.opened = null;
    return null;
  }

  private require(): Opened {
    if (this.opened === null) throw new Error('the store is not open: call open() first');
    return this.opened;
  }
}
