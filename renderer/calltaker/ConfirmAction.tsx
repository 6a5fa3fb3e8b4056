import { useRef } from 'react';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionRequest } from '../../shared/contract';
import { shortId } from '../../shared/domain';
import { act } from '../incidents/act';
import { useBridge, useConsoleStore } from '../store/context';
import { useFocusTrap } from './focusTrap';

/**
 * Closing or resolving asks first, so a mis-keyed `c` or `r` never ends a real incident: focus starts on
 * "Cancel", and only `y` or a deliberate move to "Confirm" goes ahead.
 */
export function ConfirmAction({ request }: { request: ActionRequest }) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const store = useConsoleStore();
  const box = useRef<HTMLDivElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  useFocusTrap(box, cancelButton);
  const cancel = () => store.getState().setConfirming(null);
  const confirm = () => {
    store.getState().setConfirming(null);
    void act(bridge, store, request);
  };
  const what = request.kind === 'status' ? t(`confirm.${request.status === 'closed' ? 'close' : 'resolve'}`, { id: shortId(request.incidentId) }) : '';
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape' || e.key === 'n') cancel();
    else if (e.key === 'y') confirm();
    else return;
    e.preventDefault();
    e.stopPropagation();
  };
  return (
    <div className="modal-backdrop">
      <div ref={box} className="panel modal confirm" role="alertdialog" aria-modal="true" aria-label={what} onKeyDown={onKey}>
        <h2>{what}</h2>
        <p>{t('confirm.hint')}</p>
        <div className="button-row">
          <button type="button" onClick={confirm}>
            {t('confirm.yes')} <kbd>y</kbd>
          </button>
          <button ref={cancelButton} type="button" onClick={cancel}>
            {t('confirm.no')} <kbd>Esc</kbd>
          </button>
        </div>
      </div>
    </div>
  );
}
