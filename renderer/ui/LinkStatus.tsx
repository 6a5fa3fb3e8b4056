import { useTranslation } from 'react-i18next';
import { useConsole } from '../store/context';
import { selectHealth } from '../store/selectors';
import { clock } from './format';

/** The platform link at a glance, always in the top bar: a status element tests and screen readers can find. */
export function LinkStatus() {
  const { t } = useTranslation();
  const health = useConsole(selectHealth);
  const state = health?.link.state ?? 'down';
  const text = !health ? t('link.connecting') : state === 'up' ? t('link.live') : t(`link.${state}`, { time: clock(health.link.since) });
  return (
    <span className={`chip chip-link-${state === 'up' ? 'up' : 'down'}`} role="status" aria-label={t('link.name')} data-link={state}>
      <span aria-hidden="true">{state === 'up' ? '● ' : '■ '}</span>
      {text}
    </span>
  );
}
