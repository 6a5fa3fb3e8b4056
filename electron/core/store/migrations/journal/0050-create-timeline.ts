import type { Migration } from '../migration';

/**
 * The incident record: every timeline event this console saw or did, with its original time, so a restart
 * shows the same timeline. In the journal (synchronous=FULL), not the cache: the platform shows only an
 * incident's present state, so a status change or an arrival seen once cannot be fetched again.
 * `key` makes writing an event twice (a replayed cache, a resent batch) harmless.
 */
export const createTimeline: Migration = {
  version: 50,
  name: 'create-timeline',
  up(db) {
    db.exec(`
      CREATE TABLE timeline (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        incident_id TEXT NOT NULL,
        at INTEGER NOT NULL,
        key TEXT NOT NULL UNIQUE,
        event TEXT NOT NULL
      );
      -- One incident's timeline in time order.
      CREATE INDEX timeline_by_incident ON timeline (incident_id, at, seq);
    `);
  },
};
