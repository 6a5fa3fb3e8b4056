import { useConsole, useConsoleStore } from '../store/context';
import { selectOutbox } from '../store/selectors';
import { clock, shortId } from '../ui/format';

/** Actions the platform refused: never dropped, shown with the platform's reason until the operator deals with them. */
export function NeedsAttention() {
  const rejected = useConsole(selectOutbox).filter((e) => e.state === 'rejected');
  const store = useConsoleStore();
  if (rejected.length === 0) return null;
  return (
    <section className="panel needs-attention" role="region" aria-label="Needs attention">
      <h2>Needs attention ({rejected.length})</h2>
      <ul>
        {rejected.map((e) => (
          <li key={e.actionId} aria-label={`${e.action.kind} on ${shortId(e.action.incidentId)}: ${e.lastError ?? 'refused'}`}>
            <button type="button" className="link" onClick={() => store.getState().select({ kind: 'incident', id: e.action.incidentId })}>
              {shortId(e.action.incidentId)}
            </button>{' '}
            {e.action.kind} at {clock(e.createdAt)}: <span className="action-error">{e.lastError ?? 'refused by the platform'}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
