import { mkdirSync } from 'node:fs';
import type BetterSqlite3 from 'better-sqlite3';
import { z } from 'zod';
import type { RecoveredFile, StoreOpenReport } from './api';
import { exportChain } from './auditExport';
import { verifyChain } from './auditVerify';
import { connect } from './connection';
import type { DatabaseSpec } from './connection';
import { ActionJournal } from './journalActions';
import { cacheMigrations } from './migrations/cache';
import { journalMigrations } from './migrations/journal';
import { ObservationCache } from './observations';
import type { StoreRequest } from './protocol';

// The cache can be fetched again, so a commit need not wait for the disk; the journal holds what only this console knows.
export const CACHE_DB: DatabaseSpec = { name: 'cache.db', synchronous: 'NORMAL', migrations: cacheMigrations };
export const JOURNAL_DB: DatabaseSpec = { name: 'journal.db', synchronous: 'FULL', migrations: journalMigrations };

interface Opened {
  readonly cache: BetterSqlite3.Database;
  readonly journal: BetterSqlite3.Database;
  readonly observations: ObservationCache;
  readonly actions: ActionJournal;
}

/** The worker's side of the store: synchronous, one connection per file, the only writer. */
export class StoreEngine {
  private opened: Opened | null = null;

  handle(request: StoreRequest): unknown {
    if (request.op === 'open') return this.open(request);
    if (request.op === 'close') return this.close();
    const { cache, journal, observations, actions } = this.require();
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
      case 'outbox':
        return actions.outbox();
      case 'localIncidents':
        return actions.localIncidents();
      case 'verifyAudit':
        return verifyChain(journal);
      case 'exportAudit':
        return exportChain(journal, request.path);
      case 'limitPages':
        return z.number().int().parse((request.db === 'cache' ? cache : journal).pragma(`max_page_count = ${request.pages}`, { simple: true }));
    }
  }

  private open(request: Extract<StoreRequest, { op: 'open' }>): StoreOpenReport {
    if (this.opened !== null) throw new Error('the store is already open');
    mkdirSync(request.dir, { recursive: true });
    const options = { dir: request.dir, at: request.at, readOnly: request.readOnly, busyTimeoutMs: request.busyTimeoutMs };
    const cache = connect(CACHE_DB, options);
    let journal;
    try {
      journal = connect(JOURNAL_DB, options);
    } catch (error) {
      cache.db.close();
      throw error;
    }
    this.opened = { cache: cache.db, journal: journal.db, observations: new ObservationCache(cache.db), actions: new ActionJournal(journal.db) };
    const recovered: RecoveredFile[] = [cache.recovered, journal.recovered].filter((file) => file !== null);
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
