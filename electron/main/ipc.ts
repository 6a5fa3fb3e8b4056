import { BrowserWindow, ipcMain } from 'electron';
import { requestNames } from '../../shared/contract';
import type { Handlers, IpcResult } from '../../shared/contract';
import { dispatch } from '../core/dispatch';
import type { EventHub } from '../core/events';
import { isTrustedUrl } from './security';

/** Binds every request channel of the contract to IPC; each call is checked for its sender before its payload is parsed. */
export function bindIpc(handlers: Handlers, events: EventHub): () => void {
  for (const channel of requestNames) {
    ipcMain.handle(channel, async (event, payload: unknown): Promise<IpcResult> => {
      if (!isTrustedUrl(event.senderFrame?.url)) return { ok: false, error: `${channel}: refused, sender is not a console window` };
      return dispatch(handlers, channel, payload, { host: 'electron', windowId: String(event.sender.id) });
    });
  }
  const unsubscribe = events.subscribe((channel, payload) => {
    for (const window of BrowserWindow.getAllWindows()) window.webContents.send(channel, payload);
  });
  return () => {
    unsubscribe();
    for (const channel of requestNames) ipcMain.removeHandler(channel);
  };
}
