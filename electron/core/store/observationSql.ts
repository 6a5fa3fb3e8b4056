/** The cache's hot statements, in one place so the query-plan test checks exactly what runs. */
export const OBSERVATION_SQL = {
  append: 'INSERT INTO observations (feed, entity_id, source_time, received_at, payload) VALUES (?, ?, ?, ?, ?)',
  // An older observation never replaces a newer one; at equal times the later arrival wins (the platform corrected itself).
  upsertLatest: `INSERT INTO latest (feed, entity_id, source_time, received_at, payload) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (feed, entity_id) DO UPDATE SET source_time = excluded.source_time, received_at = excluded.received_at, payload = excluded.payload
    WHERE excluded.source_time >= latest.source_time`,
  latestOfFeed: 'SELECT payload FROM latest WHERE feed = ?',
  newestReceivedOfFeed: 'SELECT MAX(received_at) AS newest FROM latest WHERE feed = ?',
  count: 'SELECT COUNT(*) AS n FROM observations',
  prune: 'DELETE FROM observations WHERE received_at < ?',
} as const;
