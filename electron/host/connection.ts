import type { WebSocket } from 'ws';
import { ClientMessage, MAX_FRAME_BYTES } from '../../shared/contract';
import type { CallerContext, Handlers, ServerMessage } from '../../shared/contract';
import { dispatch } from '../core/dispatch';

function send(socket: WebSocket, message: ServerMessage): void {
  if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
}

/** One window's contract session over a WebSocket: every frame is size-checked, parsed and dispatched through the contract. */
export function serveConnection(socket: WebSocket, handlers: Handlers, caller: CallerContext): void {
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
    void dispatch(handlers, ch, payload, caller).then((result) =>
      send(socket, result.ok ? { t: 'res', id, ok: true, payload: result.payload } : { t: 'res', id, ok: false, error: result.error }),
    );
  });
}

export function sendEvent(socket: WebSocket, ch: string, payload: unknown): void {
  send(socket, { t: 'evt', ch, payload });
}
