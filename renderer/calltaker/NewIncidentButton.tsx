import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { mayPerform } from '../../shared/domain';
import { roleOf } from '../incidents/IncidentActions';
import { useConsole, useConsoleStore } from '../store/context';
import { selectProfile } from '../store/selectors';
import { EscalationWatch } from '../escalation/EscalationWatch';
import { ConfirmAction } from './ConfirmAction';
import { NewIncidentDialog } from './NewIncidentDialog';
import './calltaker.css';

/** The call-taker's desk in the incident panel: "New incident" (key `i`), its dialog, confirmations, and the escalation watch. */
export function NewIncidentButton() {
  const { t } = useTranslation();
  const store = useConsoleStore();
  const open = useConsole((s) => s.newIncidentOpen);
  const picking = useConsole((s) => s.pickingLocation);
  const confirming = useConsole((s) => s.confirming);
  const role = roleOf(useConsole(selectProfile));
  useEffect(() => {
    if (!picking) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') store.getState().setPickingLocation(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [picking, store]);
  return (
    <>
      <EscalationWatch />
      {mayPerform(role, { kind: 'create' }) && (
        <button type="button" className="new-incident-button" aria-keyshortcuts="i" onClick={() => store.getState().setNewIncidentOpen(true)}>
          {t('calltaker.button')} <kbd>i</kbd>
        </button>
      )}
      {picking && (
        <p className="picking-banner" role="status">
          {t('calltaker.pickingHint')}
        </p>
      )}
      {open && <NewIncidentDialog />}
      {confirming && <ConfirmAction request={confirming} />}
    </>
  );
}
