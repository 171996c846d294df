/**
 * Registers the contract on the one IPC channel. Every call first proves it
 * comes from our own page in our own window: a frame that navigated elsewhere,
 * an embedded frame or another window must not reach the data, whatever it
 * sends. The payload itself is validated later, by the dispatch.
 *
 * The hidden print windows (print.ts) load the same page to render a sheet;
 * they are trusted too, but only for operations that read: a print view has
 * no business changing data or starting another print.
 */
import { fileURLToPath } from 'node:url';
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import type { Outcome } from '../shared/contract/errors';
import { contract, isOperationName } from '../shared/contract/operations';
import type { Dispatch } from './dispatch';
import { INVOKE_CHANNEL } from './ipc-channel';

export interface IpcOptions {
  dispatch: Dispatch;
  /** Absolute path of out/renderer/index.html, the only page allowed to call. */
  rendererPage: string;
  /** The main window's contents, or undefined while no window is open. */
  mainWebContents: () => WebContents | undefined;
  /** True for the contents of a print window that print.ts opened and still owns. */
  isPrintContents?: (contents: WebContents) => boolean;
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

const PRINT_JOBS: readonly string[] = ['print.pdf', 'print.native'];

/** What a print window may ask: reading only, and never a print job of its own (no window opening windows). */
export function allowedFromPrintWindow(name: unknown): boolean {
  return isOperationName(name) && !contract[name].mutates && !PRINT_JOBS.includes(name);
}

/** Our page, in its top frame, in a print window we own, asking to read. */
export function isTrustedPrintSender(event: IpcMainInvokeEvent, name: unknown, options: Pick<IpcOptions, 'rendererPage' | 'isPrintContents'>): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null || !options.isPrintContents?.(event.sender)) return false;
  return isRendererPage(frame.url, options.rendererPage) && allowedFromPrintWindow(name);
}

export function registerIpc(options: IpcOptions): void {
  ipcMain.handle(INVOKE_CHANNEL, (event, name: unknown, input: unknown) => {
    if (!isTrustedSender(event, options) && !isTrustedPrintSender(event, name, options)) {
      console.warn(`Cabas: refused a call to ${String(name).slice(0, 80)} from ${event.senderFrame?.url ?? 'a closed frame'}`);
      return UNAUTHORIZED;
    }
    return options.dispatch(name, input);
  });
}
