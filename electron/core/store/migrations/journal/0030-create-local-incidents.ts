import type { Migration } from '../migration';

/** Incidents as this console changed them, shown over the platform's state until their actions settle. */
export const createLocalIncidents: Migration = {
  version: 30,
  name: 'create-local-incidents',
  up(db) {
    db.exec(`
      CREATE TABLE local_incidents (
        id TEXT PRIMARY KEY,
        incident TEXT NOT NULL,
        updated_at INTEGER NOT NULL
      );
    `);
  },
};
