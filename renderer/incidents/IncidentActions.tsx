import { useState } from 'react';
import type { ActionRequest } from '../../shared/contract';
import type { Incident } from '../../shared/domain';
import { useBridge, useConsole, useConsoleStore } from '../store/context';
import { selectUnits } from '../store/selectors';
import { nearestAvailable } from './nearestUnits';

const STATUS_BUTTONS: { label: string; to: Incident['status']; from: Incident['status'][] }[] = [
  { label: 'On scene', to: 'on-scene', from: ['dispatched'] },
  { label: 'Resolve', to: 'resolved', from: ['acknowledged', 'dispatched', 'on-scene'] },
  { label: 'Close', to: 'closed', from: ['resolved'] },
  { label: 'Reopen', to: 'acknowledged', from: ['resolved', 'closed'] },
];

/** The actions an incident allows now. Each goes to the core, which keeps it and queues it for the platform. */
export function IncidentActions({ incident }: { incident: Incident }) {
  const bridge = useBridge();
  const store = useConsoleStore();
  const units = useConsole(selectUnits);
  const [note, setNote] = useState('');
  const act = (request: ActionRequest) =>
    bridge['incident:act'](request).then(
      () => store.getState().setActionError(null),
      (error: unknown) => store.getState().setActionError(error instanceof Error ? error.message : String(error)),
    );
  const candidates = nearestAvailable(incident, units.values(), 4);
  const canDispatch = incident.status === 'acknowledged' || incident.status === 'dispatched' || incident.status === 'on-scene';
  return (
    <div className="incident-actions">
      <div className="button-row">
        {incident.status === 'new' && (
          <button type="button" onClick={() => void act({ kind: 'acknowledge', incidentId: incident.id })}>
            Acknowledge
          </button>
        )}
        {STATUS_BUTTONS.filter((b) => b.from.includes(incident.status)).map((b) => (
          <button key={b.label} type="button" onClick={() => void act({ kind: 'status', incidentId: incident.id, status: b.to })}>
            {b.label}
          </button>
        ))}
      </div>
      {canDispatch && (
        <div className="dispatch-list" role="group" aria-label="Dispatch">
          {candidates.length === 0 && <p className="muted">No available unit of the right agency.</p>}
          {candidates.map(({ unit, metres }) => (
            <button key={unit.id} type="button" aria-label={`Dispatch ${unit.callsign}`} onClick={() => void act({ kind: 'dispatch', incidentId: incident.id, unitIds: [unit.id] })}>
              Dispatch {unit.callsign} · {(metres / 1000).toFixed(1)} km
            </button>
          ))}
        </div>
      )}
      <form
        className="note-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (note.trim()) void act({ kind: 'note', incidentId: incident.id, text: note }).then(() => setNote(''));
        }}
      >
        <input aria-label="Note text" value={note} onChange={(e) => setNote(e.target.value)} placeholder="Note…" maxLength={4000} />
        <button type="submit">Add note</button>
      </form>
    </div>
  );
}
