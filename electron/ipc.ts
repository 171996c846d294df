/**
 * Registers the contract on the one IPC channel. Every call first proves it
 * comes from our own page in our own window: a frame that navigated elsewhere,
 * an embedded frame or another window must not reach the data, whatever it
 * sends. The payload itself is validated later, by the dispatch.
 */
import { fileURLToPath } from 'node:url';
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import type { Outcome } from '../shared/contract/errors';
import type { Dispatch } from './dispatch';
import { INVOKE_CHANNEL } from './ipc-channel';

export interface IpcOptions {
  dispatch: Dispatch;
  /** Absolute path of out/renderer/index.html, the only page allowed to call. */
  rendererPage: string;
  /** The main window's contents, or undefined while no window is open. */
  mainWebContents: () => WebContents | undefined;
}

export const UNAUTHORIZED: Outcome<never> = { ok: false, error: { key: 'error.unauthorized' } };

/** The renderer page itself, whatever the hash or query (the UI may route with them). */
export function isRendererPage(url: string, rendererPage: string, platform: NodeJS.Platform = process.platform): boolean {
  let path: string;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'file:') return false;
    path = fileURLToPath(parsed);
  } catch {
    return false;
  }
  // Windows paths ignore case, and Chromium may write the drive letter differently from Node.
  return platform === 'win32' ? path.toLowerCase() === rendererPage.toLowerCase() : path === rendererPage;
}

export function isTrustedSender(event: IpcMainInvokeEvent, options: Pick<IpcOptions, 'rendererPage' | 'mainWebContents'>): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  const main = options.mainWebContents();
  return main !== undefined && event.sender === main && isRendererPage(frame.url, options.rendererPage);
}

export function registerIpc(options: IpcOptions): void {
  ipcMain.handle(INVOKE_CHANNEL, (event, name: unknown, input: unknown) => {
    if (!isTrustedSender(event, options)) {
      console.warn(`Cabas: refused a call to ${String(name).slice(0, 80)} from ${event.senderFrame?.url ?? 'a closed frame'}`);
      return UNAUTHORIZED;
    }
    return options.dispatch(name, input);
  });
}
