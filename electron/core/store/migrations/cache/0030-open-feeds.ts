import type { Migration } from '../migration';

/**
 * The feeds are data (the registry), not a list in SQL: both tables lose their feed CHECK, so a new feed
 * kind needs no migration. `latest` gains `ended_at` (when the item stopped mattering: an incident closed,
 * a warning expired, a report done), so retention is one rule for every kind. SQLite cannot drop a CHECK,
 * so each table is rebuilt with its rows.
 */
export const openFeeds: Migration = {
  version: 30,
  name: 'open-feeds',
  up(db) {
    db.exec(`
      CREATE TABLE observations_open (
        id INTEGER PRIMARY KEY,
        feed TEXT NOT NULL CHECK (length(feed) BETWEEN 1 AND 40),
        entity_id TEXT NOT NULL,
        source_time INTEGER NOT NULL,
        received_at INTEGER NOT NULL,
        payload TEXT NOT NULL
      );
      INSERT INTO observations_open (id, feed, entity_id, source_time, received_at, payload)
        SELECT id, feed, entity_id, source_time, received_at, payload FROM observations;
      DROP TABLE observations;
      ALTER TABLE observations_open RENAME TO observations;
      CREATE INDEX observations_by_received_at ON observations (received_at);
      CREATE INDEX observations_by_entity ON observations (feed, entity_id, source_time);

      CREATE TABLE latest_open (
        feed TEXT NOT NULL CHECK (length(feed) BETWEEN 1 AND 40),
        entity_id TEXT NOT NULL,
        source_time INTEGER NOT NULL,
        received_at INTEGER NOT NULL,
        ended_at INTEGER,
        payload TEXT NOT NULL,
        PRIMARY KEY (feed, entity_id)
      ) WITHOUT ROWID;
      INSERT INTO latest_open (feed, entity_id, source_time, received_at, ended_at, payload)
        SELECT feed, entity_id, source_time, received_at,
          CASE WHEN feed = 'incidents' AND json_valid(payload) AND json_extract(payload, '$.status') = 'closed' THEN source_time END,
          payload
        FROM latest;
      DROP TABLE latest;
      ALTER TABLE latest_open RENAME TO latest;
      CREATE INDEX latest_by_feed_received_at ON latest (feed, received_at);
      CREATE INDEX latest_by_ended_at ON latest (ended_at) WHERE ended_at IS NOT NULL;
    `);
  },
};
