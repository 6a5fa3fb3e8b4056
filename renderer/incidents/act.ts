import type { ActionAccepted, ActionRequest, Bridge } from '../../shared/contract';
import i18next from 'i18next';
import { refusal } from '../../shared/contract';
import type { ConsoleStore } from '../store/store';
import { reasonText } from '../i18n/reasons';

/** A refusal in the operator's language when the core coded it, else its English as it came. */
export function refusalText(error: unknown): string {
  const { text, reason } = refusal(error);
  return reasonText(i18next.t.bind(i18next), reason, text);
}

/** Sends an action through the contract; a refusal (role, lifecycle, store) is shown to the operator. */
export function act(bridge: Bridge, store: ConsoleStore, request: ActionRequest): Promise<boolean> {
  return bridge['incident:act'](request).then(
    () => {
      store.getState().setActionError(null);
      return true;
    },
    (error: unknown) => {
      store.getState().setActionError(refusalText(error));
      return false;
    },
  );
}

/** Like `act`, answering with what the core accepted (a create names its new incident), or null when refused. */
export function actFor(bridge: Bridge, store: ConsoleStore, request: ActionRequest): Promise<ActionAccepted | null> {
  return bridge['incident:act'](request).then(
    (accepted) => {
      store.getState().setActionError(null);
      return accepted;
    },
    (error: unknown) => {
      store.getState().setActionError(refusalText(error));
      return null;
    },
  );
}
