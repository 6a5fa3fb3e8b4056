import type { WebSocket } from 'ws';
import { log } from '../core/log/logger';

export interface SocketLimits {
  /** A client whose unsent backlog would pass this many bytes is too slow to keep: it is dropped, not buffered for. */
  readonly maxBufferedBytes: number;
  /** A ping goes out this often; a client that has not answered the previous one by then is cut off. */
  readonly heartbeatMs: number;
}

export const DEFAULT_SOCKET_LIMITS: SocketLimits = { maxBufferedBytes: 8 * 1024 * 1024, heartbeatMs: 15_000 };

/** How long a dropped client gets to complete the close handshake before its TCP connection is cut. */
const CLOSE_GRACE_MS = 1_000;

export interface GuardedSocket {
  /** Sends when the client keeps up; drops the client (1013) instead of letting its backlog grow. False when not sent. */
  send(data: string): boolean;
}

/**
 * Makes one server-side WebSocket safe to keep: every error is logged and ends only this socket, a client that
 * stops reading is dropped, one that stops answering pings is terminated, and every timer dies with the socket.
 */
export function guardSocket(ws: WebSocket, limits: SocketLimits, label: string): GuardedSocket {
  let alive = true;
  let grace: NodeJS.Timeout | undefined;
  // ws closes the socket itself after a protocol error (1007 invalid UTF-8, 1009 too big); without a listener it would throw.
  ws.on('error', (error) => log().warn('websocket error', { socket: label, error: error.message }));
  ws.on('pong', () => (alive = true));
  const heartbeat = setInterval(() => {
    if (!alive) {
      log().warn('websocket missed a pong, terminating', { socket: label });
      ws.terminate();
      return;
    }
    alive = false;
    if (ws.readyState === ws.OPEN) ws.ping();
  }, limits.heartbeatMs);
  heartbeat.unref();
  ws.once('close', () => {
    clearInterval(heartbeat);
    clearTimeout(grace);
  });

  const drop = (code: number, reason: string): void => {
    if (grace !== undefined) return;
    log().warn('websocket dropped', { socket: label, code, reason, bufferedBytes: ws.bufferedAmount });
    ws.close(code, reason);
    grace = setTimeout(() => ws.terminate(), CLOSE_GRACE_MS);
    grace.unref();
  };

  return {
    send(data) {
      if (ws.readyState !== ws.OPEN) return false;
      if (ws.bufferedAmount + Buffer.byteLength(data) > limits.maxBufferedBytes) {
        drop(1013, 'client too slow');
        return false;
      }
      ws.send(data);
      return true;
    },
  };
}
