import { parseEvent } from '../../shared/contract';
import type { EventName, EventPayload } from '../../shared/contract';

type Listener = <K extends EventName>(channel: K, payload: EventPayload<K>) => void;

/** Fans core events out to every attached host. Payloads are parsed before they leave, so no window gets a malformed event. */
export interface EventHub {
  emit<K extends EventName>(channel: K, payload: EventPayload<K>): void;
  subscribe(listener: Listener): () => void;
}

export function createEventHub(): EventHub {
  const listeners = new Set<Listener>();
  return {
    emit(channel, payload) {
      const parsed = parseEvent(channel, payload);
      for (const listener of listeners) listener(channel, parsed);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
