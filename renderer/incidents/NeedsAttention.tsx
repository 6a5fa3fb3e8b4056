import { useTranslation } from 'react-i18next';
import { shortId, subjectOf } from '../../shared/domain';
import { describeAction } from './ActionLog';
import { useSops } from '../sop/useSops';
import { useConsole, useConsoleStore } from '../store/context';
import { selectOutbox } from '../store/selectors';
import { clock } from '../ui/format';

/** Actions the platform refused: never dropped, shown with the platform's reason until the operator deals with them. */
export function NeedsAttention() {
  const { t, i18n } = useTranslation();
  const sops = useSops();
  const lang = i18n.language === 'th' ? 'th' : 'en';
  const rejected = useConsole(selectOutbox).filter((e) => e.state === 'rejected');
  const store = useConsoleStore();
  if (rejected.length === 0) return null;
  return (
    <section className="panel needs-attention" role="region" aria-label={t('attention.region')}>
      <h2>{t('attention.title', { count: rejected.length })}</h2>
      <ul>
        {rejected.map((e) => {
          const subject = subjectOf(e.action);
          const kind = t(`actions.kinds.${e.action.kind}`);
          const reason = e.lastError ?? t('attention.refused');
          return (
            <li key={e.actionId} aria-label={t('attention.item', { kind, subject: shortId(subject), reason })}>
              {e.action.kind === 'unit-service' ? (
                shortId(subject)
              ) : (
                <button type="button" className="link" onClick={() => store.getState().select({ kind: 'incident', id: subject, from: 'queue' })}>
                  {shortId(subject)}
                </button>
              )}{' '}
              {describeAction(t, e, sops, lang)} · {clock(e.createdAt)}: <span className="action-error">{reason}</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
