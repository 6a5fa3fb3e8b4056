import { useConsole, useConsoleStore } from '../store/context';
import { selectIncidents, selectSelection, selectUnits } from '../store/selectors';

/** What the operator clicked on the map, in words. The full incident workflow builds on this. */
export function SelectionCard() {
  const selection = useConsole(selectSelection);
  const incidents = useConsole(selectIncidents);
  const units = useConsole(selectUnits);
  const store = useConsoleStore();
  if (!selection) return null;
  const close = () => store.getState().select(null);
  if (selection.kind === 'incident') {
    const i = incidents.get(selection.id);
    if (!i) return null;
    return (
      <section className="panel selection" role="region" aria-label="Selected incident">
        <h2>
          {i.type} · {i.severity}
        </h2>
        <p className="muted">{i.id}</p>
        <p>
          Status: <strong>{i.status}</strong>
          {i.district ? ` · ${i.district}` : ''}
        </p>
        <p>{i.description}</p>
        {i.reporterLanguage && (
          <p>
            Reporter: {i.reporterLanguage}
            {i.reporterNationality ? `, ${i.reporterNationality}` : ''}
          </p>
        )}
        <p>Units: {i.assignedUnitIds.map((id) => units.get(id)?.callsign ?? id).join(', ') || 'none'}</p>
        <button type="button" onClick={close}>
          Close
        </button>
      </section>
    );
  }
  const u = units.get(selection.id);
  if (!u) return null;
  return (
    <section className="panel selection" role="region" aria-label="Selected unit">
      <h2>
        {u.callsign} · {u.agency}
      </h2>
      <p>
        Status: <strong>{u.status}</strong> · {Math.round(u.speedKmh)} km/h
      </p>
      {u.station && <p>Station: {u.station}</p>}
      <button type="button" onClick={close}>
        Close
      </button>
    </section>
  );
}
