import type BetterSqlite3 from 'better-sqlite3';
import { z } from 'zod';
import { Incident } from '../../../shared/domain';

const Row = z.object({ payload: z.string(), received_at: z.number().int() });
/** Bounded: a chatty incident's week of versions is still a few hundred. */
const VERSIONS = 2000;

/** One version of an incident as the feed delivered it, with when this console received it. */
export interface IncidentVersion {
  readonly incident: Incident;
  readonly receivedAt: number;
}

/** Every version of one incident in cache.db's observation log, oldest first (by the index on feed, entity, source time). */
export function incidentVersions(cache: BetterSqlite3.Database, incidentId: string): IncidentVersion[] {
  const rows = cache
    .prepare("SELECT payload, received_at FROM observations WHERE feed = 'incidents' AND entity_id = ? ORDER BY source_time, id LIMIT ?")
    .all(incidentId, VERSIONS);
  return rows.flatMap((raw) => {
    const row = Row.parse(raw);
    const parsed = Incident.safeParse(JSON.parse(row.payload));
    return parsed.success ? [{ incident: parsed.data, receivedAt: row.received_at }] : [];
  });
}
