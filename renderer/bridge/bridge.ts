import type { Bridge } from '../../shared/contract';
import { createWebSocketBridge, secretFromHash } from './websocket';

/**
 * The window's one way to its host. Under Electron the preload has put the bridge on `window.phuket`;
 * in a browser window the page connects back to the loopback host that served it, with the launch secret
 * when the URL carries one (the printed headless URL), otherwise with the session cookie that a one-time
 * ticket set (a same-origin WebSocket sends it by itself).
 */
export function connectBridge(): Bridge {
  if (window.phuket) return window.phuket;
  return createWebSocketBridge(window.location.origin, secretFromHash(window.location.hash));
}
