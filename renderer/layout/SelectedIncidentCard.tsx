import { useTranslation } from 'react-i18next';
import { shortId } from '../../shared/domain';
import { useConsole } from '../store/context';
import { selectActiveIncidentId, selectIncidents, selectUnits } from '../store/selectors';

/** The incident being worked on (shared by every window), in words, for the walls that have no detail pane. */
export function SelectedIncidentCard() {
  const { t } = useTranslation();
  const id = useConsole(selectActiveIncidentId);
  const incidents = useConsole(selectIncidents);
  const units = useConsole(selectUnits);
  const incident = id === null ? undefined : incidents.get(id);
  if (!incident) return null;
  const assigned = incident.assignedUnitIds.map((u) => units.get(u)?.callsign ?? shortId(u));
  return (
    <section className="panel selected-incident" role="region" aria-label={t('wall.selectedIncident')} data-incident={incident.id} data-status={incident.status}>
      <h2>
        {t('wall.selectedIncident')}: {shortId(incident.id)}
      </h2>
      <p>
        {t(`types.${incident.type}`)} · <span className={`sev-${incident.severity}`}>{t(`severity.${incident.severity}`)}</span> · <strong className="selected-status">{t(`status.${incident.status}`)}</strong>
      </p>
      {assigned.length > 0 && (
        <p>
          {t('incidents.units')}: {assigned.join(', ')}
        </p>
      )}
    </section>
  );
}
