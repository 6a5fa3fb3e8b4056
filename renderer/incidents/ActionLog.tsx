import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { OutboxEntry } from '../../shared/domain';
import type { Sop } from '../sop/sops';
import { sopWords } from '../sop/sops';
import { useSops } from '../sop/useSops';
import { clock } from '../ui/format';

/** An action in the window's language; an SOP check names its item in the procedure's own words. */
export function describeAction(t: TFunction, entry: OutboxEntry, sops: readonly Sop[] = [], lang: 'en' | 'th' = 'en'): string {
  const a = entry.action;
  switch (a.kind) {
    case 'acknowledge':
      return t('actions.describe.acknowledge');
    case 'note':
      return t('actions.describe.note', { text: a.text });
    case 'status':
      return t('actions.describe.status', { status: t(`status.${a.status}`) });
    case 'dispatch':
      return t('actions.describe.dispatch', { count: a.unitIds.length });
    case 'create':
      return t('actions.describe.create', { type: t(`types.${a.incident.type}`) });
    case 'sop-check':
      return t(a.checked ? 'actions.describe.sopChecked' : 'actions.describe.sopUnchecked', { item: sopWords(sops, a.sopId, a.itemId, lang).item });
    case 'unit-service':
      return t('actions.describe.unitService', { status: t(`unitStatus.${a.status}`) });
  }
}

/** This console's actions on one incident and where each is: queued, confirmed, or needing attention. */
export function ActionLog({ entries }: { entries: OutboxEntry[] }) {
  const { t, i18n } = useTranslation();
  const sops = useSops();
  const lang = i18n.language === 'th' ? 'th' : 'en';
  if (entries.length === 0) return null;
  return (
    <ol className="action-log" aria-label={t('actions.log')}>
      {entries.map((e) => {
        const state = t(`actions.states.${e.state}`);
        return (
          <li key={e.actionId} className={`action action-${e.state}`} aria-label={`${describeAction(t, e, sops, lang)}: ${state}`}>
            <span className="action-time">{clock(e.createdAt)}</span> {describeAction(t, e, sops, lang)} <span className="action-state">{state}</span>
            {e.state === 'queued' && e.attempts > 0 && e.lastError && <span className="action-error"> ({t('actions.retrying', { error: e.lastError })})</span>}
            {e.state === 'rejected' && e.lastError && <span className="action-error"> {e.lastError}</span>}
          </li>
        );
      })}
    </ol>
  );
}
