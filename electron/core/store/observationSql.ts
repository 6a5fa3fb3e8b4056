/** The cache's hot statements, in one place so the query-plan test checks exactly what runs. */
export const OBSERVATION_SQL = {
  append: 'INSERT INTO observations (feed, entity_id, source_time, received_at, payload) VALUES (?, ?, ?, ?, ?)',
  // An older observation never replaces a newer one; at equal times the later arrival wins (the platform corrected itself).
  // A held row whose time was more than 5 minutes ahead of its own receipt (a year-9999 time from before times were
  // bounded) guards nothing: any newer arrival replaces it, so it cannot pin the row forever.
  upsertLatest: `INSERT INTO latest (feed, entity_id, source_time, received_at, ended_at, payload) VALUES (?, ?, ?, ?, ?, ?)
    ON CONFLICT (feed, entity_id) DO UPDATE SET source_time = excluded.source_time, received_at = excluded.received_at, ended_at = excluded.ended_at, payload = excluded.payload
    WHERE excluded.source_time >= latest.source_time OR latest.source_time > latest.received_at + 300000`,
  latestOfFeed: 'SELECT payload FROM latest WHERE feed = ?',
  newestReceivedOfFeed: 'SELECT MAX(received_at) AS newest FROM latest WHERE feed = ?',
  count: 'SELECT COUNT(*) AS n FROM observations',
  prune: 'DELETE FROM observations WHERE received_at < ?',
  // Retention of the latest picture: entities not heard of since the cut-off, and those that ended before it
  // (incidents closed, warnings expired, reports done: the registry says when, and the writer stores it).
  pruneLatest: 'DELETE FROM latest WHERE received_at < ? OR ended_at < ?',
} as const;
