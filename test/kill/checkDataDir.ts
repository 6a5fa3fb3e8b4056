import Database from 'better-sqlite3';
import { join } from 'node:path';
import { loadAuditKey, readCheckpoint } from '../../electron/core/store/auditAnchor';
import { verifyChain } from '../../electron/core/store/auditVerify';

/** Records of operator actions and their deliveries; the console's own records (anchors, profile, refusals) name no outbox entry. */
const ACTION_EVENT = /^(acknowledge|note|status|dispatch|delivery:.*)$/;

/** Observations per batch the child writes; a count that is not a multiple means a batch was half written. */
export const BATCH_SIZE = 50;

export interface DataDirCheck {
  readonly problems: string[];
  /** Acknowledged actions not found whole (outbox row and audit record). */
  readonly missing: number;
  readonly outbox: number;
  readonly audit: number;
  readonly observations: number;
}

interface OutboxRow {
  action_id: string;
  incident_id: string;
  state: string;
  action: string;
}
interface AuditRow {
  seq: number;
  action_id: string;
  event: string;
  after: string;
}

/**
 * What must hold after any crash: both files pass integrity_check; every acknowledged action is in the
 * outbox with its audit record; no transaction is half there (outbox row without its audit record or the
 * reverse, a settled delivery without its record, local state out of step with the outbox); the chain verifies;
 * observation batches are whole.
 */
export function checkDataDir(dir: string, acked: Iterable<string>, batchSize = BATCH_SIZE): DataDirCheck {
  const problems: string[] = [];
  const journal = new Database(join(dir, 'journal.db'));
  const cache = new Database(join(dir, 'cache.db'));
  try {
    for (const [name, db] of [['journal.db', journal], ['cache.db', cache]] as const) {
      const result = db.pragma('integrity_check', { simple: true });
      if (result !== 'ok') problems.push(`${name} integrity_check: ${String(result)}`);
    }
    const outbox = journal.prepare('SELECT action_id, incident_id, state, action FROM outbox ORDER BY seq').all() as OutboxRow[];
    const audit = journal.prepare('SELECT seq, action_id, event, after FROM audit ORDER BY seq').all() as AuditRow[];
    const local = new Map((journal.prepare('SELECT id, incident FROM local_incidents').all() as Array<{ id: string; incident: string }>).map((row) => [row.id, row.incident]));
    const byAction = new Map<string, AuditRow[]>();
    for (const record of audit.filter((r) => ACTION_EVENT.test(r.event))) byAction.set(record.action_id, [...(byAction.get(record.action_id) ?? []), record]);
    const inOutbox = new Map(outbox.map((row) => [row.action_id, row]));

    let missing = 0;
    for (const id of acked) {
      const problem = !inOutbox.has(id) ? 'is not in the outbox' : !(byAction.get(id) ?? []).some((record) => !record.event.startsWith('delivery:')) ? 'has no audit record' : null;
      if (problem === null) continue;
      missing += 1;
      problems.push(`acknowledged action ${id} ${problem}`);
    }
    const lastAfter = new Map<string, string>();
    for (const row of outbox) {
      const records = byAction.get(row.action_id) ?? [];
      const kind = (JSON.parse(row.action) as { kind: string }).kind;
      const creations = records.filter((record) => record.event === kind);
      if (creations.length !== 1) problems.push(`outbox ${row.action_id} has ${creations.length} creation audit records`);
      const deliveries = records.filter((record) => record.event.startsWith('delivery:'));
      const expected = row.state === 'queued' ? [] : [`delivery:${row.state}`];
      if (JSON.stringify(deliveries.map((record) => record.event)) !== JSON.stringify(expected)) problems.push(`outbox ${row.action_id} (${row.state}) has delivery records ${JSON.stringify(deliveries.map((record) => record.event))}`);
      if (creations[0] !== undefined) lastAfter.set(row.incident_id, creations[0].after);
    }
    for (const id of byAction.keys()) if (!inOutbox.has(id)) problems.push(`audit records for ${id}, which is not in the outbox`);
    const unsettled = new Set(outbox.filter((row) => row.state === 'queued').map((row) => row.incident_id));
    for (const incidentId of unsettled) {
      const held = local.get(incidentId);
      if (held === undefined) problems.push(`incident ${incidentId} has unsettled actions but no local state`);
      else if (JSON.stringify(JSON.parse(held)) !== JSON.stringify(JSON.parse(lastAfter.get(incidentId) ?? 'null'))) problems.push(`local state of ${incidentId} is not the after of its last action`);
    }
    for (const incidentId of local.keys()) if (!unsettled.has(incidentId)) problems.push(`incident ${incidentId} keeps local state with no unsettled action`);

    const chain = verifyChain(journal, { key: loadAuditKey(dir, false)?.key ?? null, checkpoint: readCheckpoint(dir) });
    if (!chain.ok) problems.push(`audit chain broken at #${chain.firstBroken?.seq}: ${chain.firstBroken?.reason}`);
    const observations = (cache.prepare('SELECT COUNT(*) AS n FROM observations').get() as { n: number }).n;
    if (observations % batchSize !== 0) problems.push(`${observations} observations: a batch of ${batchSize} was half written`);
    return { problems, missing, outbox: outbox.length, audit: audit.length, observations };
  } finally {
    journal.close();
    cache.close();
  }
}
