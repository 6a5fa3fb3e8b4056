import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useConsole } from '../store/context';
import { selectOutbox } from '../store/selectors';

export interface RowMarkers {
  /** Incidents this console created from a call. */
  readonly fromHere: ReadonlySet<string>;
  /** Unacknowledged past their severity's time. */
  readonly escalated: ReadonlySet<string>;
  /** What a queue row's accessible name adds for them. */
  suffix(id: string): string;
}

/** What a queue row says besides the incident itself: "from this console", "escalated". */
export function useRowMarkers(): RowMarkers {
  const { t } = useTranslation();
  const outbox = useConsole(selectOutbox);
  const escalated = useConsole((s) => s.escalated);
  return useMemo(() => {
    const fromHere = new Set(outbox.flatMap((e) => (e.action.kind === 'create' ? [e.action.incidentId] : [])));
    const suffix = (id: string) => `${fromHere.has(id) ? `, ${t('calltaker.fromHere')}` : ''}${escalated.has(id) ? `, ${t('calltaker.escalated')}` : ''}`;
    return { fromHere, escalated, suffix };
  }, [outbox, escalated, t]);
}

/** The row's visible markers, in words as well as colour. */
export function RowMarkers({ id, markers }: { id: string; markers: RowMarkers }) {
  const { t } = useTranslation();
  return (
    <>
      {markers.escalated.has(id) && <span className="row-escalated"> ▲ {t('calltaker.escalated')}</span>}
      {markers.fromHere.has(id) && <span className="row-mine"> · {t('calltaker.fromHere')}</span>}
    </>
  );
}
