import type { WebSocket } from 'ws';
import { ClientMessage, MAX_FRAME_BYTES } from '../../shared/contract';
import type { CallerContext, Handlers, ServerMessage } from '../../shared/contract';
import { dispatch } from '../core/dispatch';
import { log } from '../core/log/logger';
import type { GuardedSocket } from './socketGuard';

function send(socket: GuardedSocket, message: ServerMessage): void {
  socket.send(JSON.stringify(message));
}

/** One window's contract session over a WebSocket: every frame is size-checked, parsed and dispatched through the contract. */
export function serveConnection(socket: WebSocket, guarded: GuardedSocket, handlers: Handlers, caller: CallerContext): void {
  socket.on('message', (data, isBinary) => {
    const text = isBinary ? '' : data.toString();
    if (text.length === 0 || text.length > MAX_FRAME_BYTES) {
      socket.close(1009, 'frame rejected');
      return;
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      socket.close(1007, 'not JSON');
      return;
    }
    const message = ClientMessage.safeParse(raw);
    if (!message.success) {
      socket.close(1008, 'not a contract request');
      return;
    }
    const { id, ch, payload } = message.data;
    dispatch(handlers, ch, payload, caller).then(
      (result) => send(guarded, result.ok ? { t: 'res', id, ok: true, payload: result.payload } : { t: 'res', id, ok: false, error: result.error, ...(result.reason ? { reason: result.reason } : {}) }),
      (error: unknown) => {
        log().error('contract request failed', { channel: ch, window: caller.windowId, error: error instanceof Error ? error.message : String(error) });
        send(guarded, { t: 'res', id, ok: false, error: `${ch}: internal error` });
      },
    );
  });
}

export function sendEvent(socket: GuardedSocket, ch: string, payload: unknown): void {
  send(socket, { t: 'evt', ch, payload });
}
