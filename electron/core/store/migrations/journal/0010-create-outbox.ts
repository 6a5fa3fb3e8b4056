import type { Migration } from '../migration';

/** Operator actions waiting for, or settled by, the platform. Rows are kept after settling: they are the local record. */
export const createOutbox: Migration = {
  version: 10,
  name: 'create-outbox',
  up(db) {
    db.exec(`
      CREATE TABLE outbox (
        -- AUTOINCREMENT: a seq is never reused, even if old rows are one day removed.
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        action_id TEXT NOT NULL UNIQUE,
        incident_id TEXT NOT NULL,
        action TEXT NOT NULL,
        actor TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('queued', 'confirmed', 'rejected')),
        attempts INTEGER NOT NULL,
        next_attempt_at INTEGER,
        last_error TEXT,
        settled_at INTEGER
      );
      -- Whether an incident still has actions on their way (its local state is kept until none are).
      CREATE INDEX outbox_unsettled_by_incident ON outbox (incident_id) WHERE state = 'queued';
    `);
  },
};
