import { useTranslation } from 'react-i18next';
import { shortId } from '../../shared/domain';
import { useConsole, useConsoleStore } from '../store/context';
import { selectOutbox } from '../store/selectors';
import { clock } from '../ui/format';

/** Actions the platform refused: never dropped, shown with the platform's reason until the operator deals with them. */
export function NeedsAttention() {
  const { t } = useTranslation();
  const rejected = useConsole(selectOutbox).filter((e) => e.state === 'rejected');
  const store = useConsoleStore();
  if (rejected.length === 0) return null;
  return (
    <section className="panel needs-attention" role="region" aria-label={t('attention.region')}>
      <h2>{t('attention.title', { count: rejected.length })}</h2>
      <ul>
        {rejected.map((e) => (
          <li key={e.actionId} aria-label={`${e.action.kind} on ${shortId(e.action.incidentId)}: ${e.lastError ?? t('attention.refused')}`}>
            <button type="button" className="link" onClick={() => store.getState().select({ kind: 'incident', id: e.action.incidentId, from: 'queue' })}>
              {shortId(e.action.incidentId)}
            </button>{' '}
            {e.action.kind} · {clock(e.createdAt)}: <span className="action-error">{e.lastError ?? t('attention.refused')}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
