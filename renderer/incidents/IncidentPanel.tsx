import { useConsole, useConsoleStore } from '../store/context';
import { selectActionError, selectIncidents, selectOutbox, selectSelection } from '../store/selectors';
import { shortId } from '../ui/format';
import { ActionLog } from './ActionLog';
import { IncidentActions } from './IncidentActions';
import { queueOrder } from './order';

/** The incident queue and the selected incident with its actions. */
export function IncidentPanel() {
  const incidents = useConsole(selectIncidents);
  const outbox = useConsole(selectOutbox);
  const selection = useConsole(selectSelection);
  const actionError = useConsole(selectActionError);
  const store = useConsoleStore();
  const queue = queueOrder(incidents.values());
  const selected = selection?.kind === 'incident' ? incidents.get(selection.id) : undefined;
  const queuedFor = (id: string) => outbox.filter((e) => e.action.incidentId === id && e.state === 'queued').length;
  return (
    <section className="panel incidents" role="region" aria-label="Incidents">
      <h2>
        Incidents <span className="panel-sub">{queue.length} open</span>
      </h2>
      <ul className="incident-queue" aria-label="Incident queue">
        {queue.map((i) => (
          <li key={i.id}>
            <button
              type="button"
              className={`incident-row severity-${i.severity}${i.id === selected?.id ? ' selected' : ''}`}
              aria-label={`${shortId(i.id)} ${i.type} ${i.severity} ${i.status}${queuedFor(i.id) ? `, ${queuedFor(i.id)} queued` : ''}`}
              aria-pressed={i.id === selected?.id}
              onClick={() => store.getState().select({ kind: 'incident', id: i.id })}
            >
              <span className="row-id">{shortId(i.id)}</span> <span className="row-type">{i.type}</span> <span className="row-severity">{i.severity}</span>{' '}
              <span className="row-status">{i.status}</span>
              {queuedFor(i.id) > 0 && <span className="row-queued"> · {queuedFor(i.id)} queued</span>}
            </button>
          </li>
        ))}
      </ul>
      {selected && (
        <div className="incident-detail" aria-label={`Incident ${shortId(selected.id)}`}>
          <h3>
            {shortId(selected.id)} · {selected.type} · {selected.severity} · <strong>{selected.status}</strong>
          </h3>
          <p>{selected.description}</p>
          <IncidentActions incident={selected} />
          {actionError && (
            <p className="action-error" role="alert">
              {actionError}
            </p>
          )}
          <ActionLog entries={outbox.filter((e) => e.action.incidentId === selected.id)} />
          {selected.notes.length > 0 && (
            <ul className="notes" aria-label="Notes">
              {selected.notes.map((n) => (
                <li key={n.id}>
                  {n.author}: {n.text}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
