import { parseEvent } from '../../shared/contract';
import type { EventName, EventPayload } from '../../shared/contract';
import { builtByCore } from './builtByCore';
import { recordFault } from './processGuards';

type Listener = <K extends EventName>(channel: K, payload: EventPayload<K>) => void;

/**
 * Fans core events out to every attached host. Payloads are parsed before they leave (but for the bulk live
 * batches, see builtByCore), so no window gets a malformed event; emitting never throws, so an emitter inside a timer or a socket callback cannot end the core.
 */
export interface EventHub {
  emit<K extends EventName>(channel: K, payload: EventPayload<K>): void;
  subscribe(listener: Listener): () => void;
  /** Events dropped because their payload failed the contract. */
  dropped(): number;
}

export function createEventHub(): EventHub {
  const listeners = new Set<Listener>();
  let dropped = 0;

  function deliver<K extends EventName>(channel: K, payload: EventPayload<K>): void {
    // A copy: a listener that unsubscribes (or subscribes) while we fan out does not change this round.
    for (const listener of [...listeners]) {
      try {
        listener(channel, payload);
      } catch (error) {
        recordFault(`listener of ${channel}`, error);
      }
    }
  }

  return {
    emit(channel, payload) {
      if (builtByCore(channel)) return deliver(channel, payload);
      let parsed;
      try {
        parsed = parseEvent(channel, payload);
      } catch (error) {
        dropped += 1;
        // Logged (with the contract's reasons) and counted there; the window simply never sees it.
        recordFault(`event ${channel} dropped`, error);
        return;
      }
      deliver(channel, parsed);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dropped: () => dropped,
  };
}
