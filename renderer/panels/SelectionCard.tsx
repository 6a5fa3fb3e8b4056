import { useConsole, useConsoleStore } from '../store/context';
import { selectSelection, selectUnits } from '../store/selectors';

/** The unit the operator clicked on the map, in words. */
export function SelectionCard() {
  const selection = useConsole(selectSelection);
  const units = useConsole(selectUnits);
  const store = useConsoleStore();
  if (!selection) return null;
  const close = () => store.getState().select(null);
  // Incidents open in the incident panel; this card is for units.
  if (selection.kind === 'incident') return null;
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
