import type { Bridge } from '../shared/contract';

declare global {
  interface Window {
    /** Present only under Electron, put there by the preload through contextBridge. */
    readonly phuket?: Bridge;
  }
}
