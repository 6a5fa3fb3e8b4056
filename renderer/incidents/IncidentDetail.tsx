import { forwardRef, useMemo } from 'react';
import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { shortId } from '../../shared/domain';
import type { Incident } from '../../shared/domain';
import { useConsole } from '../store/context';
import { selectActionError, selectOutbox, selectSegmentList, selectUnits } from '../store/selectors';
import { countryName, dateTime, languageName } from '../ui/format';
import { SopSection } from '../sop/SopSection';
import { placeAt, placeName } from '../geo/subdistricts';
import { ActionLog } from './ActionLog';
import { IncidentActions } from './IncidentActions';
import { nearestRoad } from './nearestRoad';
import { Timeline } from './Timeline';
import { incidentTypeLabel } from '../panels/incidentTypeLabel';
import { warningHeadline, warningsAt } from '../map/layers/warningLayers';

/** One incident: what, how bad, where, who reported it (language, nationality), units, actions and timeline. */
export const IncidentDetail = forwardRef<HTMLElement, { incident: Incident; noteRef: RefObject<HTMLInputElement | null> }>(function IncidentDetail({ incident, noteRef }, ref) {
  const { t, i18n } = useTranslation();
  const outbox = useConsole(selectOutbox);
  const units = useConsole(selectUnits);
  const actionError = useConsole(selectActionError);
  const own = outbox.filter((e) => e.action.incidentId === incident.id);
  const assigned = incident.assignedUnitIds.map((id) => units.get(id)?.callsign ?? shortId(id));
  const segments = useConsole(selectSegmentList);
  const road = useMemo(() => nearestRoad(segments, incident.position), [segments, incident.position]);
  const place = placeAt(incident.position);
  const where = place ? placeName(place, i18n.language === 'th' ? 'th' : 'en') : (incident.district ?? '–');
  const warnings = useConsole((s) => s.warnings);
  const open = incident.status !== 'resolved' && incident.status !== 'closed';
  const covering = useMemo(() => (open ? warningsAt(incident.position, [...warnings.values()], Date.now()) : []), [open, incident.position, warnings]);
  const firstWarning = covering[0];
  return (
    <section ref={ref} tabIndex={-1} className="incident-detail" aria-label={t('incidents.detail', { id: shortId(incident.id) })}>
      <h3>
        {shortId(incident.id)} · {incidentTypeLabel(t, incident)} · <span className={`sev-${incident.severity}`}>{t(`severity.${incident.severity}`)}</span> ·{' '}
        <strong>{t(`status.${incident.status}`)}</strong>
      </h3>
      <p className="detail-description">{incident.description}</p>
      {firstWarning && (
        <p className={`warning-cover ${firstWarning.status === 'Actual' ? `cap-${firstWarning.severity.toLowerCase()}` : 'cap-not-actual'}`} role="note">
          {covering.length > 1 ? t('warnings.coversCount', { count: covering.length }) : t('warnings.covers', { headline: warningHeadline(firstWarning, i18n.language === 'th' ? 'th' : 'en') })}
          {firstWarning.status !== 'Actual' && ` (${t(`warnings.status.${firstWarning.status}`)})`}
        </p>
      )}
      <dl className="detail-facts">
        <dt>{t('incidents.location')}</dt>
        <dd>
          {place?.offshore ? t('basemap.offshore', { name: where }) : where}
          {road && ` · ${t('incidents.nearRoad', { road: road.name, metres: Math.round(road.metres) })}`} · {incident.position[1].toFixed(4)}, {incident.position[0].toFixed(4)}
        </dd>
        <dt>{t('incidents.reporter')}</dt>
        <dd>
          {[incident.reporterLanguage && t('incidents.language', { lang: languageName(incident.reporterLanguage) }), incident.reporterNationality && t('incidents.nationality', { nat: countryName(incident.reporterNationality) })]
            .filter(Boolean)
            .join(', ') || '–'}
        </dd>
        <dt>{t('incidents.source')}</dt>
        <dd>
          {incident.source ?? '–'} · {t('incidents.reported')} {dateTime(incident.reportedAt)}
        </dd>
        <dt>{t('incidents.units')}</dt>
        <dd>{assigned.join(', ') || t('incidents.none')}</dd>
      </dl>
      <IncidentActions ref={noteRef} incident={incident} />
      {actionError && (
        <p className="action-error" role="alert">
          {actionError}
        </p>
      )}
      <ActionLog entries={own} />
      <SopSection incident={incident} />
      <Timeline incident={incident} own={own} />
    </section>
  );
});
