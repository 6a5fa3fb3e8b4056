import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { IncidentStatus, shortId } from '../../shared/domain';
import type { Incident } from '../../shared/domain';
import { useConsole, useConsoleStore } from '../store/context';
import { selectIncidents, selectOutbox, selectSelection } from '../store/selectors';
import { RowMarkers, useRowMarkers } from '../calltaker/rowMarkers';
import { countByStatus } from './filters';
import { incidentTypeLabel } from '../panels/incidentTypeLabel';

const ROW_PX = 30;
/** An incident stays highlighted as new for this long after this console first listed it. */
const FRESH_MS = 60_000;

/**
 * The queue: virtualised, so thousands of incidents scroll as smoothly as ten. Only the rows in view
 * are in the page; the selected row is scrolled into view when the selection comes from the map or the keys.
 */
export function IncidentQueue({ queue, firstSeen }: { queue: Incident[]; firstSeen: ReadonlyMap<string, number> }) {
  const { t } = useTranslation();
  const incidents = useConsole(selectIncidents);
  const outbox = useConsole(selectOutbox);
  const selection = useConsole(selectSelection);
  const store = useConsoleStore();
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: queue.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_PX, overscan: 8 });
  const selectedIndex = selection?.kind === 'incident' ? queue.findIndex((i) => i.id === selection.id) : -1;
  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);
  const counts = countByStatus(incidents.values());
  const queued = new Map<string, number>();
  for (const e of outbox) if (e.state === 'queued' && e.action.incidentId !== undefined) queued.set(e.action.incidentId, (queued.get(e.action.incidentId) ?? 0) + 1);
  const markers = useRowMarkers();
  const now = Date.now();
  return (
    <>
      <ul className="status-counts" aria-label={t('incidents.filters')}>
        {IncidentStatus.options.map((s) => (
          <li key={s}>
            <button type="button" className="count-chip" aria-pressed={store.getState().filter.status === s} onClick={() => store.getState().setFilter({ status: store.getState().filter.status === s ? null : s })}>
              {t(`status.${s}`)} <strong>{counts[s]}</strong>
            </button>
          </li>
        ))}
      </ul>
      <div ref={scroller} className="incident-queue-scroll" data-testid="queue-scroll">
        <ul className="incident-queue" aria-label={t('incidents.queue')} style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((row) => {
            const i = queue[row.index];
            if (!i) return null;
            const pending = queued.get(i.id) ?? 0;
            const fresh = i.status === 'new' && now - (firstSeen.get(i.id) ?? 0) < FRESH_MS;
            const label = `${shortId(i.id)} ${t(`types.${i.type}`)} ${t(`severity.${i.severity}`)} ${t(`status.${i.status}`)}${pending ? `, ${t('incidents.queued', { count: pending })}` : ''}${markers.suffix(i.id)}`;
            return (
              <li key={i.id} style={{ transform: `translateY(${row.start}px)` }} className="queue-row-wrap">
                <button
                  type="button"
                  tabIndex={-1}
                  className={`incident-row severity-${i.severity}${i.id === selection?.id ? ' selected' : ''}${fresh ? ' fresh' : ''}${i.status === 'new' ? ' is-new' : ''}${markers.escalated.has(i.id) ? ' escalated' : ''}`}
                  aria-label={label}
                  aria-current={i.id === selection?.id}
                  aria-selected={i.id === selection?.id}
                  data-incident-id={i.id}
                  onClick={() => store.getState().select({ kind: 'incident', id: i.id, from: 'queue' })}
                >
                  <span className="row-id">{shortId(i.id)}</span> <span className="row-type">{incidentTypeLabel(t, i)}</span>{' '}
                  <span className={`row-severity sev-${i.severity}`}>{t(`severity.${i.severity}`)}</span> <span className="row-status">{t(`status.${i.status}`)}</span>
                  {pending > 0 && <span className="row-queued"> · {t('incidents.queued', { count: pending })}</span>}
                  <RowMarkers id={i.id} markers={markers} />
                </button>
              </li>
            );
          })}
        </ul>
      </div>
    </>
  );
}
