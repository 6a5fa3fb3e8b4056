import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { shortId } from '../../shared/domain';
import { SelectedIncidentCard } from '../layout/SelectedIncidentCard';
import { Split } from '../layout/Split';
import { useConsole, useConsoleStore } from '../store/context';
import { selectActiveIncidentId, selectIncidents, selectUnits } from '../store/selectors';
import { UNIT_STATUSES, activeDispatches, unitsByAgency } from './boardModel';

function UnitsByAgency() {
  const { t } = useTranslation();
  const units = useConsole(selectUnits);
  const rows = useMemo(() => unitsByAgency(units.values()), [units]);
  return (
    <section className="panel board-units" role="region" aria-label={t('wall.unitsByAgency')}>
      <h2>{t('wall.unitsByAgency')}</h2>
      <table className="board-table">
        <thead>
          <tr>
            <th scope="col">{t('wall.agency')}</th>
            {UNIT_STATUSES.map((s) => (
              <th key={s} scope="col">
                {t(`unitStatus.${s}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.agency} aria-label={`${t(`agency.${row.agency}`)}: ${t('wall.unitCount', { count: row.units.length })}`}>
              <th scope="row">{t(`agency.${row.agency}`)}</th>
              {UNIT_STATUSES.map((s) => (
                <td key={s} className={row.counts[s] ? `unit-${s}` : 'zero'}>
                  {row.counts[s]}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function ActiveDispatches() {
  const { t } = useTranslation();
  const incidents = useConsole(selectIncidents);
  const units = useConsole(selectUnits);
  const active = useConsole(selectActiveIncidentId);
  const store = useConsoleStore();
  const rows = useMemo(() => activeDispatches(incidents.values(), units), [incidents, units]);
  return (
    <section className="panel board-dispatches" role="region" aria-label={t('wall.activeDispatches')}>
      <h2>{t('wall.activeDispatches')}</h2>
      {rows.length === 0 && <p className="panel-sub">{t('wall.noDispatches')}</p>}
      <ul>
        {rows.map(({ incident, units: assigned }) => (
          <li key={incident.id} className={incident.id === active ? 'selected' : undefined}>
            <button type="button" className="link" aria-current={incident.id === active} onClick={() => store.getState().select({ kind: 'incident', id: incident.id, from: 'queue' })}>
              {shortId(incident.id)}
            </button>{' '}
            {t(`types.${incident.type}`)} · <span className={`sev-${incident.severity}`}>{t(`severity.${incident.severity}`)}</span> · {t(`status.${incident.status}`)}
            <div className="panel-sub">{assigned.map((u) => `${u.callsign} (${t(`unitStatus.${u.status}`)})`).join(', ') || t('incidents.none')}</div>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The dispatch board role: every unit by agency and status, beside the incidents with units out and the one being worked on. */
export function DispatchBoard() {
  const { t } = useTranslation();
  return (
    <div className="board" role="region" aria-label={t('wall.board')}>
      <Split
        panes={[
          { id: 'units', size: 55, content: <UnitsByAgency /> },
          {
            id: 'dispatches',
            size: 45,
            content: (
              <div className="wall-column">
                <SelectedIncidentCard />
                <ActiveDispatches />
              </div>
            ),
          },
        ]}
      />
    </div>
  );
}
