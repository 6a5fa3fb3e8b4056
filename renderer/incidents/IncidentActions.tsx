import { forwardRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionRequest } from '../../shared/contract';
import { mayAct, mayPerform } from '../../shared/domain';
import type { Incident, OperatorProfile } from '../../shared/domain';
import { useBridge, useConsole, useConsoleStore } from '../store/context';
import { selectProfile } from '../store/selectors';
import { act } from './act';

/** The status moves an incident allows, with their key and the role rule that applies. */
export const STATUS_MOVES: { key: string; label: 'onScene' | 'resolve' | 'close' | 'reopen'; to: Incident['status']; from: Incident['status'][] }[] = [
  { key: 's', label: 'onScene', to: 'on-scene', from: ['dispatched'] },
  { key: 'r', label: 'resolve', to: 'resolved', from: ['acknowledged', 'dispatched', 'on-scene'] },
  { key: 'c', label: 'close', to: 'closed', from: ['resolved'] },
  { key: 'o', label: 'reopen', to: 'acknowledged', from: ['resolved', 'closed'] },
];

export const canDispatch = (i: Incident) => i.status === 'acknowledged' || i.status === 'dispatched' || i.status === 'on-scene';

/** The role a window acts as. Until the core has said who is here, nothing is offered. */
export const roleOf = (profile: OperatorProfile | null): OperatorProfile['role'] => profile?.role ?? 'viewer';

/** Dispatch is offered to whoever may dispatch, and as a proposal (a note) to whoever may write notes. */
export const mayOfferDispatch = (role: OperatorProfile['role']) => mayPerform(role, { kind: 'dispatch' }) || mayPerform(role, { kind: 'note' });

/** Only what the incident's state and the operator's role allow is offered; the core checks both again. */
export const IncidentActions = forwardRef<HTMLInputElement, { incident: Incident }>(function IncidentActions({ incident }, noteRef) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const store = useConsoleStore();
  const profile = useConsole(selectProfile);
  const role = roleOf(profile);
  const [note, setNote] = useState('');
  // Closing and resolving are confirmed first, from the button as from the key.
  const confirmOrAct = (request: Extract<ActionRequest, { kind: 'status' }>) =>
    request.status === 'closed' || request.status === 'resolved' ? store.getState().setConfirming(request) : void act(bridge, store, request);
  const dispatchLabel = mayPerform(role, { kind: 'dispatch' }) ? t('actions.dispatch') : t('actions.propose');
  if (!mayAct(role)) {
    return (
      <div className="incident-actions">
        <p className="muted" role="note">
          {t('actions.readOnly')}
        </p>
      </div>
    );
  }
  return (
    <div className="incident-actions">
      <div className="button-row">
        {incident.status === 'new' && mayPerform(role, { kind: 'acknowledge' }) && (
          <button type="button" aria-label={t('actions.acknowledge')} aria-keyshortcuts="a" onClick={() => void act(bridge, store, { kind: 'acknowledge', incidentId: incident.id })}>
            {t('actions.acknowledge')} <kbd>a</kbd>
          </button>
        )}
        {canDispatch(incident) && mayOfferDispatch(role) && (
          <button type="button" aria-label={dispatchLabel} aria-keyshortcuts="d" onClick={() => store.getState().setDialog('dispatch')}>
            {dispatchLabel} <kbd>d</kbd>
          </button>
        )}
        {STATUS_MOVES.filter((m) => m.from.includes(incident.status) && mayPerform(role, { kind: 'status', status: m.to })).map((m) => (
          <button key={m.label} type="button" aria-label={t(`actions.${m.label}`)} aria-keyshortcuts={m.key} onClick={() => confirmOrAct({ kind: 'status', incidentId: incident.id, status: m.to })}>
            {t(`actions.${m.label}`)} <kbd>{m.key}</kbd>
          </button>
        ))}
      </div>
      {mayPerform(role, { kind: 'note' }) && (
        <form
          className="note-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (note.trim()) void act(bridge, store, { kind: 'note', incidentId: incident.id, text: note }).then((ok) => ok && setNote(''));
          }}
        >
          <input ref={noteRef} aria-label={t('incidents.noteText')} value={note} onChange={(e) => setNote(e.target.value)} placeholder={t('incidents.notePlaceholder')} maxLength={4000} />
          <button type="submit">{t('actions.note')}</button>
        </form>
      )}
    </div>
  );
});
