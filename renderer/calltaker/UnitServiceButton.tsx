import { useTranslation } from 'react-i18next';
import { mayPerform } from '../../shared/domain';
import type { Unit } from '../../shared/domain';
import { act } from '../incidents/act';
import { roleOf } from '../incidents/IncidentActions';
import { useBridge, useConsole, useConsoleStore } from '../store/context';
import { selectOutbox, selectProfile } from '../store/selectors';

/**
 * Out of service / back in service, for a supervisor: an action like the others (outbox, audit, role check in
 * the core). Offered only while the unit is available or out of service, as the platform requires.
 */
export function UnitServiceButton({ unit }: { unit: Unit }) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const store = useConsoleStore();
  const role = roleOf(useConsole(selectProfile));
  const waiting = useConsole(selectOutbox).some((e) => e.state === 'queued' && e.action.kind === 'unit-service' && e.action.unitId === unit.id);
  if (!mayPerform(role, { kind: 'unit-service' }) || (unit.status !== 'available' && unit.status !== 'out-of-service')) return null;
  const to = unit.status === 'available' ? 'out-of-service' : 'available';
  const label = t(to === 'available' ? 'unitService.back' : 'unitService.out', { callsign: unit.callsign });
  return (
    <button type="button" disabled={waiting} aria-label={label} onClick={() => void act(bridge, store, { kind: 'unit-service', unitId: unit.id, status: to })}>
      {label}
      {waiting && ` · ${t('actions.states.queued')}`}
    </button>
  );
}
