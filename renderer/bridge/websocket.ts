import { ServerMessage, buildBridge, refusalError } from '../../shared/contract';
import type { Bridge, EventName, RequestName, Transport } from '../../shared/contract';

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

const CONTRACT_PATH = '/contract';

/** Reads the per-launch secret the host put in the URL fragment. */
export function secretFromHash(hash: string): string | null {
  const value = new URLSearchParams(hash.replace(/^#/, '')).get('secret');
  return value && /^[\w-]{16,128}$/.test(value) ? value : null;
}

/** The contract WebSocket's URL: with the secret when there is one, bare when the session cookie is the credential. */
export function contractUrl(origin: string, secret: string | null): string {
  const base = `${origin.replace(/^http/, 'ws')}${CONTRACT_PATH}`;
  return secret === null ? base : `${base}?secret=${encodeURIComponent(secret)}`;
}

/**
 * The browser host's transport: one WebSocket to the page's own origin, re-opened with backoff
 * when it drops. Requests made before it opens wait for it; requests in flight when it drops are rejected, never silently lost.
 */
export function createWebSocketTransport(origin: string, secret: string | null): Transport {
  const url = contractUrl(origin, secret);
  const pending = new Map<number, Pending>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const outbox: string[] = [];
  let socket: WebSocket | null = null;
  let nextId = 1;
  let retry = 0;

  function onMessage(event: MessageEvent): void {
    if (typeof event.data !== 'string') return;
    let raw: unknown;
    try {
      raw = JSON.parse(event.data);
    } catch {
      return;
    }
    const parsed = ServerMessage.safeParse(raw);
    if (!parsed.success) return;
    const message = parsed.data;
    if (message.t === 'evt') {
      for (const listener of listeners.get(message.ch) ?? []) {
        try {
          listener(message.payload);
        } catch (error) {
          console.error(`event ${message.ch} rejected:`, error);
        }
      }
      return;
    }
    const waiter = pending.get(message.id);
    if (!waiter) return;
    pending.delete(message.id);
    if (message.ok) waiter.resolve(message.payload);
    else waiter.reject(refusalError(message.error, message.reason));
  }

  function connect(): void {
    const ws = new WebSocket(url);
    socket = ws;
    ws.addEventListener('open', () => {
      retry = 0;
      for (const frame of outbox.splice(0)) ws.send(frame);
    });
    ws.addEventListener('message', onMessage);
    ws.addEventListener('close', () => {
      socket = null;
      outbox.length = 0;
      for (const waiter of pending.values()) waiter.reject(new Error('connection to the console host was lost'));
      pending.clear();
      const delay = Math.min(10_000, 250 * 2 ** retry++) * (0.5 + Math.random() / 2);
      setTimeout(connect, delay);
    });
  }
  connect();

  return {
    invoke(channel: RequestName, payload: unknown) {
      const id = nextId++;
      const frame = JSON.stringify({ t: 'req', id, ch: channel, payload });
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        if (socket?.readyState === WebSocket.OPEN) socket.send(frame);
        else outbox.push(frame);
      });
    },
    listen(channel: EventName, listener: (payload: unknown) => void) {
      const set = listeners.get(channel) ?? new Set();
      set.add(listener);
      listeners.set(channel, set);
      return () => set.delete(listener);
    },
  };
}

export function createWebSocketBridge(origin: string, secret: string | null): Bridge {
  return buildBridge(createWebSocketTransport(origin, secret));
}
