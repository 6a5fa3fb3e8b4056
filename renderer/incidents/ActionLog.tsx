import type { OutboxEntry } from '../../shared/domain';
import { clock } from '../ui/format';

const STATE_TEXT = { queued: 'queued', confirmed: 'confirmed', rejected: 'needs attention' } as const;

function describe(entry: OutboxEntry): string {
  const a = entry.action;
  switch (a.kind) {
    case 'acknowledge':
      return 'Acknowledge';
    case 'note':
      return `Note: ${a.text}`;
    case 'status':
      return `Status → ${a.status}`;
    case 'dispatch':
      return `Dispatch ${a.unitIds.length} unit${a.unitIds.length > 1 ? 's' : ''}`;
  }
}

/** This console's actions on one incident and where each is: queued, confirmed, or needing attention. */
export function ActionLog({ entries }: { entries: OutboxEntry[] }) {
  if (entries.length === 0) return null;
  return (
    <ol className="action-log" aria-label="Actions">
      {entries.map((e) => (
        <li key={e.actionId} className={`action action-${e.state}`} aria-label={`${describe(e)}: ${STATE_TEXT[e.state]}`}>
          <span className="action-time">{clock(e.createdAt)}</span> {describe(e)} <span className="action-state">{STATE_TEXT[e.state]}</span>
          {e.state === 'queued' && e.attempts > 0 && e.lastError && <span className="action-error"> (retrying: {e.lastError})</span>}
          {e.state === 'rejected' && e.lastError && <span className="action-error"> {e.lastError}</span>}
        </li>
      ))}
    </ol>
  );
}
