import { hostname } from 'node:os';
import type BetterSqlite3 from 'better-sqlite3';
import { z } from 'zod';
import type { OperatorProfile } from '../../../shared/domain';
import type { RecoveredFile } from './api';
import { checkpointValid, readCheckpoint } from './auditAnchor';
import { anchorUnsignedChain, chainHead } from './auditChain';
import type { ActionJournal } from './journalActions';
import { salvageQueued } from './journalSalvage';
import { uuidv7 } from './uuidv7';

/** The console itself, as the actor of what it finds at start. */
const SYSTEM: OperatorProfile = { name: 'console (at start)', role: 'operator', workstation: hostname().slice(0, 100) || 'unknown' };

const HashAt = z.object({ hash: z.string() });

export interface ReconcileInput {
  readonly db: BetterSqlite3.Database;
  readonly actions: ActionJournal;
  readonly key: Buffer;
  readonly dir: string;
  readonly at: number;
  /** journal.db failed its check and was moved aside: this is a fresh one. */
  readonly recovered: RecoveredFile | null;
  /** The key was created by this open (a new installation, or a journal from a console before anchoring). */
  readonly newKey: boolean;
}

/**
 * Brings the chain and its anchors into line at open, and returns how many queued actions were recovered
 * from a damaged journal. A checkpoint behind the chain is normal after a crash between a commit and its
 * checkpoint; anything else is recorded as an alarm.
 */
export function reconcileAnchor(input: ReconcileInput): number {
  const { db, actions, key, dir, at, recovered, newKey } = input;
  // Events named in ANCHOR_ALARMS (auditAnchor.ts), which audit:verify reports.
  const alarm = (event: string, before: unknown, after: unknown) =>
    actions.recordAudit({ at, actor: SYSTEM, actionId: uuidv7(at), event, before, after });
  const read = readCheckpoint(dir);
  // A journal that never had a checkpoint is from a console before anchoring: its records are signed now, once.
  if (read.kind === 'missing') anchorUnsignedChain(db, key);
  const head = chainHead(db);
  if (recovered !== null) {
    // A fresh chain: the old checkpoint described the chain in the moved-aside file, and this record keeps it.
    const salvage = salvageQueued(recovered.movedTo);
    actions.recordAudit({
      at,
      actor: SYSTEM,
      actionId: uuidv7(at),
      event: 'journal:recovered',
      before: read.kind === 'ok' ? read.checkpoint : null,
      after: { movedTo: recovered.movedTo, reason: recovered.reason, salvaged: salvage.entries.length, skipped: salvage.skipped, failure: salvage.failure },
    });
    return actions.restore(salvage.entries, at);
  }
  if (read.kind === 'missing') {
    if (newKey || head.seq === 0) actions.anchorHead(head, at);
    else alarm('anchor:checkpoint-missing', null, head);
    return 0;
  }
  if (read.kind === 'unreadable' || !checkpointValid(key, read.checkpoint)) {
    alarm('anchor:checkpoint-invalid', read.kind === 'ok' ? read.checkpoint : read.reason, head);
    return 0;
  }
  const checkpoint = read.checkpoint;
  if (checkpoint.seq > head.seq) {
    alarm('anchor:chain-cut', checkpoint, head);
    return 0;
  }
  const row = checkpoint.seq === 0 ? undefined : db.prepare('SELECT hash FROM audit WHERE seq = ?').get(checkpoint.seq);
  if (checkpoint.seq > 0 && HashAt.safeParse(row).data?.hash !== checkpoint.hash) alarm('anchor:chain-rewritten', checkpoint, head);
  else if (checkpoint.seq < head.seq) actions.anchorHead(head, at);
  return 0;
}
