import { useTranslation } from 'react-i18next';
import { UnitServiceButton } from '../calltaker/UnitServiceButton';
import { useConsole, useConsoleStore } from '../store/context';
import { selectSelection, selectUnits } from '../store/selectors';

/** The unit the operator clicked on the map, in words. Incidents open in the incident panel. */
export function SelectionCard() {
  const { t } = useTranslation();
  const selection = useConsole(selectSelection);
  const units = useConsole(selectUnits);
  const store = useConsoleStore();
  const u = selection?.kind === 'unit' ? units.get(selection.id) : undefined;
  if (!u) return null;
  return (
    <section className="panel selection" role="region" aria-label={u.callsign}>
      <h2>
        {u.callsign} · {t(`agency.${u.agency}`)}
      </h2>
      <p>
        {t('unit.status')}: <strong>{t(`unitStatus.${u.status}`)}</strong> · {Math.round(u.speedKmh)} km/h
      </p>
      {u.station && <p>{t('unit.station', { station: u.station })}</p>}
      <UnitServiceButton unit={u} />
      <button type="button" onClick={() => store.getState().select(null)}>
        {t('dispatch.cancel')}
      </button>
    </section>
  );
}
