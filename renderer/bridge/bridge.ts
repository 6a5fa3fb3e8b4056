import type { Bridge } from '../../shared/contract';
import { createWebSocketBridge, secretFromHash } from './websocket';

/**
 * The window's one way to its host. Under Electron the preload has put the bridge on `window.phuket`;
 * in a browser window the page connects back to the loopback host that served it.
 */
export function connectBridge(): Bridge {
  if (window.phuket) return window.phuket;
  const secret = secretFromHash(window.location.hash);
  if (!secret) throw new Error('This console was opened without its launch secret. Start it with `npm start` and use the URL it prints.');
  return createWebSocketBridge(window.location.origin, secret);
}
