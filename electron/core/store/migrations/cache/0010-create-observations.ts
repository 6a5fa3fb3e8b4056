import type { Migration } from '../migration';

/** The append-only log of everything the feeds delivered, for replay and for seeing how the picture evolved. */
export const createObservations: Migration = {
  version: 10,
  name: 'create-observations',
  up(db) {
    db.exec(`
      CREATE TABLE observations (
        id INTEGER PRIMARY KEY,
        feed TEXT NOT NULL CHECK (feed IN ('traffic', 'units', 'incidents')),
        entity_id TEXT NOT NULL,
        source_time INTEGER NOT NULL,
        received_at INTEGER NOT NULL,
        payload TEXT NOT NULL
      );
      -- Retention deletes by receive time.
      CREATE INDEX observations_by_received_at ON observations (received_at);
      -- Replaying one entity's history reads it in source-time order.
      CREATE INDEX observations_by_entity ON observations (feed, entity_id, source_time);
    `);
  },
};
