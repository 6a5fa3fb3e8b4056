import { useMemo, useRef } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Split } from '../layout/Split';
import { useConsole } from '../store/context';
import { selectActiveIncidentId, selectDialog, selectIncidents, selectSelection } from '../store/selectors';
import { NewIncidentButton } from '../calltaker/NewIncidentButton';
import { DispatchDialog } from './DispatchDialog';
import { IncidentDetail } from './IncidentDetail';
import { IncidentQueue } from './IncidentQueue';
import { QueueFilters } from './QueueFilters';
import { useNewIncidentAlert } from './useNewIncidentAlert';
import { useQueue } from './useQueue';
import { useShortcuts } from './useShortcuts';

/**
 * The incident queue, its filters and the selected incident, all reachable from the keyboard. Stacked in the
 * all-in-one console; in the queue role the detail has its own resizable pane beside the queue.
 */
export function IncidentPanel({ split = false }: { split?: boolean }) {
  const { t } = useTranslation();
  const incidents = useConsole(selectIncidents);
  const selection = useConsole(selectSelection);
  const dialog = useConsole(selectDialog);
  const activeIncidentId = useConsole(selectActiveIncidentId);
  const queue = useQueue();
  const firstSeen = useNewIncidentAlert();
  const search = useRef<HTMLInputElement>(null);
  const note = useRef<HTMLInputElement>(null);
  const detail = useRef<HTMLElement>(null);
  const refs = useMemo(() => ({ search, note, detail }), []);
  useShortcuts(queue, refs);
  const selected = selection?.kind === 'incident' ? incidents.get(selection.id) : undefined;
  const open = [...incidents.values()].filter((i) => i.status !== 'resolved' && i.status !== 'closed').length;
  const queuePanel: ReactNode = (
    <section className="panel incidents" role="region" aria-label={t('incidents.region')}>
      <h2>
        {t('incidents.region')} <span className="panel-sub">{t('incidents.open', { count: open })} · {t('incidents.showing', { shown: queue.length, total: incidents.size })}</span>
      </h2>
      <NewIncidentButton />
      <QueueFilters ref={search} />
      <IncidentQueue queue={queue} firstSeen={firstSeen} />
      {!split && selected && (
        <div role="region" aria-label={t('wall.detailRegion')}>
          <IncidentDetail ref={detail} incident={selected} noteRef={note} />
        </div>
      )}
      {dialog === 'dispatch' && selected && <DispatchDialog incident={selected} />}
    </section>
  );
  if (!split) return queuePanel;
  // A unit picked on the map wall does not empty this pane: it keeps the incident being worked on.
  const shown = selected ?? (activeIncidentId === null ? undefined : incidents.get(activeIncidentId));
  const detailPanel = (
    <section className="panel wall-detail" role="region" aria-label={t('wall.detailRegion')}>
      {shown ? <IncidentDetail ref={detail} incident={shown} noteRef={note} /> : <p className="panel-sub">{t('wall.noSelection')}</p>}
    </section>
  );
  return (
    <Split
      panes={[
        { id: 'queue', size: 45, content: queuePanel },
        { id: 'detail', size: 55, content: detailPanel },
      ]}
    />
  );
}
