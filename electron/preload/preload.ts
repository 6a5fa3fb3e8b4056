import { contextBridge, ipcRenderer } from 'electron';
import { IpcResult, buildBridge, refusalError } from '../../shared/contract';

/**
 * The sandboxed preload: exposes exactly the contract's functions as `window.phuket`, nothing of
 * ipcRenderer itself, so a compromised page can only make calls the contract allows.
 */
contextBridge.exposeInMainWorld(
  'phuket',
  buildBridge({
    async invoke(channel, payload) {
      const result = IpcResult.parse(await ipcRenderer.invoke(channel, payload));
      if (!result.ok) throw refusalError(result.error, result.reason);
      return result.payload;
    },
    listen(channel, listener) {
      const forward = (_event: Electron.IpcRendererEvent, payload: unknown) => listener(payload);
      ipcRenderer.on(channel, forward);
      return () => void ipcRenderer.removeListener(channel, forward);
    },
  }),
);
