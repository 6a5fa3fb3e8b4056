import { useConsole } from '../store/context';
import { selectHealth } from '../store/selectors';
import { clock } from './format';

/** The platform link at a glance, always in the top bar: a status element tests and screen readers can find. */
export function LinkStatus() {
  const health = useConsole(selectHealth);
  const state = health?.link.state ?? 'down';
  const text = !health ? 'connecting…' : state === 'up' ? 'live' : `${state} since ${clock(health.link.since)}`;
  return (
    <span className={`chip chip-link-${state}`} role="status" aria-label="Platform link">
      <span aria-hidden="true">{state === 'up' ? '● ' : '■ '}</span>
      Platform {text}
    </span>
  );
}
