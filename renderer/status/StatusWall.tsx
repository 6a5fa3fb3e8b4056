import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Severity } from '../../shared/domain';
import { NeedsAttention } from '../incidents/NeedsAttention';
import { Split } from '../layout/Split';
import { FeedHealthPanel } from '../panels/FeedHealthPanel';
import { useConsole } from '../store/context';
import { selectIncidents, selectOutbox } from '../store/selectors';
import { useFigures } from './useFigures';

const OPEN = new Set(['new', 'acknowledged', 'dispatched', 'on-scene']);

function duration(t: (key: string, options: Record<string, number>) => string, ms: number | null, none: string): string {
  if (ms === null) return none;
  const seconds = Math.round(ms / 1000);
  return t('wall.minutes', { m: Math.floor(seconds / 60), s: seconds % 60 });
}

function LiveFigures() {
  const { t } = useTranslation();
  const incidents = useConsole(selectIncidents);
  const figures = useFigures();
  // Counted here from the live state so they move with every change; the hour's means come from the core's timelines.
  const open = useMemo(() => {
    const counts: Record<Severity, number> = { informational: 0, low: 0, medium: 0, high: 0, critical: 0 };
    for (const i of incidents.values()) if (OPEN.has(i.status)) counts[i.severity] += 1;
    return counts;
  }, [incidents]);
  return (
    <section className="panel figures" role="region" aria-label={t('wall.figures')}>
      <h2>{t('wall.figures')}</h2>
      <h3>{t('wall.openBySeverity')}</h3>
      <ul className="severity-bars">
        {[...Severity.options].reverse().map((s) => (
          <li key={s} aria-label={`${t(`severity.${s}`)}: ${open[s]}`}>
            <span className={`sev-${s}`}>{t(`severity.${s}`)}</span> <strong>{open[s]}</strong>
          </li>
        ))}
      </ul>
      <dl className="detail-facts">
        <dt>{t('wall.meanAck')}</dt>
        <dd data-testid="mean-ack">{figures ? duration(t, figures.meanAckMs, t('wall.noneLastHour')) : '…'}</dd>
        <dt>{t('wall.meanDispatch')}</dt>
        <dd data-testid="mean-dispatch">{figures ? duration(t, figures.meanDispatchMs, t('wall.noneLastHour')) : '…'}</dd>
      </dl>
    </section>
  );
}

/** The status role: feed health and alerts beside the live figures. */
export function StatusWall() {
  const { t } = useTranslation();
  const rejected = useConsole(selectOutbox).some((e) => e.state === 'rejected');
  return (
    <Split
      panes={[
        {
          id: 'health',
          size: 50,
          content: (
            <div className="wall-column">
              <FeedHealthPanel />
              <section className="panel" role="region" aria-label={t('wall.alerts')}>
                <h2>{t('wall.alerts')}</h2>
                {rejected ? <NeedsAttention /> : <p className="panel-sub">{t('wall.noAlerts')}</p>}
              </section>
            </div>
          ),
        },
        { id: 'figures', size: 50, content: <LiveFigures /> },
      ]}
    />
  );
}
