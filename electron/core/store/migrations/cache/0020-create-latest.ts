import type { Migration } from '../migration';

/** The newest known state of every entity: what the console shows at start before the feeds answer. */
export const createLatest: Migration = {
  version: 20,
  name: 'create-latest',
  up(db) {
    db.exec(`
      CREATE TABLE latest (
        feed TEXT NOT NULL CHECK (feed IN ('traffic', 'units', 'incidents')),
        entity_id TEXT NOT NULL,
        source_time INTEGER NOT NULL,
        received_at INTEGER NOT NULL,
        payload TEXT NOT NULL,
        PRIMARY KEY (feed, entity_id)
      ) WITHOUT ROWID;
      -- How old each feed's cached picture is, without reading every row.
      CREATE INDEX latest_by_feed_received_at ON latest (feed, received_at);
    `);
  },
};
