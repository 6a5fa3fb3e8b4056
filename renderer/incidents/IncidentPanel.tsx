import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useConsole } from '../store/context';
import { selectDialog, selectIncidents, selectSelection } from '../store/selectors';
import { DispatchDialog } from './DispatchDialog';
import { IncidentDetail } from './IncidentDetail';
import { IncidentQueue } from './IncidentQueue';
import { QueueFilters } from './QueueFilters';
import { useNewIncidentAlert } from './useNewIncidentAlert';
import { useQueue } from './useQueue';
import { useShortcuts } from './useShortcuts';

/** The incident queue, its filters and the selected incident, all reachable from the keyboard. */
export function IncidentPanel() {
  const { t } = useTranslation();
  const incidents = useConsole(selectIncidents);
  const selection = useConsole(selectSelection);
  const dialog = useConsole(selectDialog);
  const queue = useQueue();
  const firstSeen = useNewIncidentAlert();
  const search = useRef<HTMLInputElement>(null);
  const note = useRef<HTMLInputElement>(null);
  const detail = useRef<HTMLElement>(null);
  const refs = useMemo(() => ({ search, note, detail }), []);
  useShortcuts(queue, refs);
  const selected = selection?.kind === 'incident' ? incidents.get(selection.id) : undefined;
  const open = [...incidents.values()].filter((i) => i.status !== 'resolved' && i.status !== 'closed').length;
  return (
    <section className="panel incidents" role="region" aria-label={t('incidents.region')}>
      <h2>
        {t('incidents.region')} <span className="panel-sub">{t('incidents.open', { count: open })} · {t('incidents.showing', { shown: queue.length, total: incidents.size })}</span>
      </h2>
      <QueueFilters ref={search} />
      <IncidentQueue queue={queue} firstSeen={firstSeen} />
      {selected && <IncidentDetail ref={detail} incident={selected} noteRef={note} />}
      {dialog === 'dispatch' && selected && <DispatchDialog incident={selected} />}
    </section>
  );
}
