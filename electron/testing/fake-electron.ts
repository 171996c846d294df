/**
 * A stand-in for the `electron` module in unit tests: vitest.config.ts aliases
 * 'electron' here, because the real package downloads its binary when
 * imported. It fakes only what the glue uses, and records what the glue did
 * (IPC handlers, window options, links opened, permission answers) so tests
 * can check behaviour rather than calls. `resetFakeElectron()` between tests.
 *
 * Types come from the global `Electron` namespace (electron.d.ts), not from an
 * import: only the thin glue may import 'electron' (eslint.config.js).
 */
import { EventEmitter } from 'node:events';
import { pathToFileURL } from 'node:url';

/** The event object Electron passes to cancellable listeners. */
export class FakeEvent {
  defaultPrevented = false;
  constructor(readonly url = '') {}
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

export class FakeWebFrameMain {
  constructor(
    readonly url: string,
    readonly parent: FakeWebFrameMain | null = null,
  ) {}
}

type WindowOpenHandler = (details: { url: string }) => { action: 'allow' | 'deny' };

let nextWebContentsId = 1;

/**
 * How the pages in fake windows behave, for the print glue: what a script run
 * in the page returns, the PDF bytes Chromium would make, whether the system
 * print dialog ends in a print or a cancel. Reset by `resetFakeElectron()`.
 */
export const pageBehaviour = {
  executeJavaScript: (_contents: FakeWebContents, _code: string): unknown => undefined,
  pdf: Buffer.from('%PDF-1.7 fake'),
  printSucceeds: true,
};

export class FakeWebContents extends EventEmitter {
  readonly id = nextWebContentsId++;
  mainFrame = new FakeWebFrameMain('about:blank');
  windowOpenHandler: WindowOpenHandler | undefined;
  loadedFile: string | undefined;
  loadedHash: string | undefined;
  destroyed = false;
  readonly scripts: string[] = [];
  readonly pdfOptions: Electron.PrintToPDFOptions[] = [];
  readonly printOptions: Electron.WebContentsPrintOptions[] = [];

  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }

  async loadFile(path: string, options: { hash?: string } = {}): Promise<void> {
    this.loadedFile = path;
    this.loadedHash = options.hash;
    this.mainFrame = new FakeWebFrameMain(pathToFileURL(path).href + (options.hash === undefined ? '' : `#${options.hash}`));
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  async executeJavaScript(code: string): Promise<unknown> {
    if (this.destroyed) throw new Error('Object has been destroyed');
    this.scripts.push(code);
    return pageBehaviour.executeJavaScript(this, code);
  }

  async printToPDF(options: Electron.PrintToPDFOptions): Promise<Buffer> {
    this.pdfOptions.push(options);
    return Buffer.from(pageBehaviour.pdf);
  }

  print(options: Electron.WebContentsPrintOptions, callback: (success: boolean, failureReason: string) => void): void {
    this.printOptions.push(options);
    const success = pageBehaviour.printSucceeds;
    setImmediate(() => callback(success, success ? '' : 'Print job canceled'));
  }

  /** The page tries to navigate (a link, `location.href = …`); true when nothing stopped it. */
  tryNavigate(url: string): boolean {
    const event = new FakeEvent(url);
    this.emit('will-navigate', event, url);
    return !event.defaultPrevented;
  }

  /** The page calls `window.open(url)` or follows a `target=_blank` link. */
  tryOpenWindow(url: string): 'allow' | 'deny' {
    return this.windowOpenHandler?.({ url }).action ?? 'allow';
  }

  /** The page adds a `<webview>`; true when nothing stopped it. */
  tryAttachWebview(): boolean {
    const event = new FakeEvent();
    this.emit('will-attach-webview', event, {}, {});
    return !event.defaultPrevented;
  }
}

/** What `ipcMain.handle` listeners receive; build one with `invokeEvent`. */
export interface FakeInvokeEvent {
  sender: FakeWebContents;
  senderFrame: FakeWebFrameMain | null;
  frameId: number;
  processId: number;
  type: 'frame';
}

/** A call from `sender`, by default from its top frame. */
export function invokeEvent(sender: FakeWebContents, senderFrame: FakeWebFrameMain | null = sender.mainFrame): FakeInvokeEvent {
  return { sender, senderFrame, frameId: 1, processId: 1, type: 'frame' };
}

type InvokeHandler = (event: FakeInvokeEvent, ...args: unknown[]) => unknown;

class FakeIpcMain extends EventEmitter {
  readonly handlers = new Map<string, InvokeHandler>();

  handle(channel: string, handler: InvokeHandler): void {
    // Electron throws too: two handlers for one channel is a bug.
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }

  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }

  /** What a renderer's `ipcRenderer.invoke(channel, …args)` reaches, with the given event. */
  async invoke(channel: string, event: FakeInvokeEvent, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler(event, ...args);
  }
}

class FakeIpcRenderer extends EventEmitter {
  readonly invocations: { channel: string; args: unknown[] }[] = [];
  /** What the main process answers; tests replace it. */
  reply: (channel: string, ...args: unknown[]) => Promise<unknown> = async () => undefined;

  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.invocations.push({ channel, args });
    return this.reply(channel, ...args);
  }
}

class FakeContextBridge {
  readonly exposed = new Map<string, unknown>();

  exposeInMainWorld(key: string, api: unknown): void {
    if (this.exposed.has(key)) throw new Error(`Cannot bind an API on top of an existing property on the window object: ${key}`);
    this.exposed.set(key, api);
  }
}

class FakeApp extends EventEmitter {
  paths = new Map<string, string>();
  appPath = '/fake/app';
  locale = 'fr-BE';
  /** False to play a second copy of the app, which does not get the lock. */
  singleInstanceLock = true;
  sandboxEnabled = false;
  quitRequested = false;
  exitCode: number | undefined;

  getPath(name: string): string {
    const path = this.paths.get(name);
    if (path === undefined) throw new Error(`Failed to get '${name}' path`);
    return path;
  }

  setPath(name: string, path: string): void {
    this.paths.set(name, path);
  }

  getAppPath(): string {
    return this.appPath;
  }

  getLocale(): string {
    return this.locale;
  }

  getVersion(): string {
    return '0.0.0-test';
  }

  requestSingleInstanceLock(): boolean {
    return this.singleInstanceLock;
  }

  enableSandbox(): void {
    this.sandboxEnabled = true;
  }

  whenReady(): Promise<void> {
    return Promise.resolve();
  }

  isReady(): boolean {
    return true;
  }

  quit(): void {
    this.quitRequested = true;
  }

  exit(code = 0): void {
    this.exitCode = code;
  }
}

type Rectangle = Electron.Rectangle;

let windows: BrowserWindow[] = [];

export class BrowserWindow extends EventEmitter {
  readonly webContents = new FakeWebContents();
  bounds: Rectangle;
  maximized = false;
  minimized = false;
  visible = false;
  focused = false;
  destroyed = false;

  constructor(readonly options: Electron.BrowserWindowConstructorOptions = {}) {
    super();
    this.bounds = { x: options.x ?? 0, y: options.y ?? 0, width: options.width ?? 800, height: options.height ?? 600 };
    windows.push(this);
    app.emit('web-contents-created', new FakeEvent(), this.webContents);
  }

  static getAllWindows(): BrowserWindow[] {
    return windows.filter((window) => !window.destroyed);
  }

  loadFile(path: string, options?: { hash?: string }): Promise<void> {
    return this.webContents.loadFile(path, options);
  }

  /** Closes at once, without 'close' (as Electron's destroy()). */
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.emit('closed');
    if (BrowserWindow.getAllWindows().length === 0) app.emit('window-all-closed');
  }

  getNormalBounds(): Rectangle {
    return { ...this.bounds };
  }

  setBounds(bounds: Partial<Rectangle>): void {
    this.bounds = { ...this.bounds, ...bounds };
  }

  isMaximized(): boolean {
    return this.maximized;
  }

  maximize(): void {
    this.maximized = true;
  }

  isMinimized(): boolean {
    return this.minimized;
  }

  minimize(): void {
    this.minimized = true;
  }

  restore(): void {
    this.minimized = false;
  }

  focus(): void {
    this.focused = true;
  }

  show(): void {
    this.visible = true;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  /** As when the user closes it: 'close' (cancellable), 'closed', then 'window-all-closed' if it was the last. */
  close(): void {
    const event = new FakeEvent();
    this.emit('close', event);
    if (event.defaultPrevented) return;
    this.destroyed = true;
    this.emit('closed');
    if (BrowserWindow.getAllWindows().length === 0) app.emit('window-all-closed');
  }
}

type PermissionCallback = (granted: boolean) => void;
type PermissionRequestHandler = (contents: unknown, permission: string, callback: PermissionCallback, details: unknown) => void;
type HeadersListener = (
  details: { url: string; responseHeaders?: Record<string, string[]> },
  callback: (response: { cancel?: boolean; responseHeaders?: Record<string, string[]> }) => void,
) => void;

class FakeSession {
  permissionRequestHandler: PermissionRequestHandler | null = null;
  permissionCheckHandler: ((contents: unknown, permission: string, origin: string, details: unknown) => boolean) | null = null;
  devicePermissionHandler: ((details: unknown) => boolean) | null = null;
  headersListener: HeadersListener | null = null;
  readonly webRequest = {
    onHeadersReceived: (listener: HeadersListener | null) => {
      this.headersListener = listener;
    },
  };

  setPermissionRequestHandler(handler: PermissionRequestHandler | null): void {
    this.permissionRequestHandler = handler;
  }

  setPermissionCheckHandler(handler: FakeSession['permissionCheckHandler']): void {
    this.permissionCheckHandler = handler;
  }

  setDevicePermissionHandler(handler: FakeSession['devicePermissionHandler']): void {
    this.devicePermissionHandler = handler;
  }

  /** A page asks for a permission; without a handler Electron grants it. */
  requestPermission(permission: string): Promise<boolean> {
    const handler = this.permissionRequestHandler;
    if (!handler) return Promise.resolve(true);
    return new Promise((resolve) => handler({}, permission, resolve, {}));
  }

  /** Chromium checks a permission; without a handler Electron grants it. */
  checkPermission(permission: string): boolean {
    return this.permissionCheckHandler?.({}, permission, 'file://', {}) ?? true;
  }

  /** A response arrives with these headers; returns the headers the page will see. */
  receiveHeaders(url: string, responseHeaders: Record<string, string[]>): Record<string, string[]> {
    const listener = this.headersListener;
    if (!listener) return responseHeaders;
    let seen: Record<string, string[]> | undefined;
    listener({ url, responseHeaders }, (response) => {
      seen = response.responseHeaders ?? responseHeaders;
    });
    if (!seen) throw new Error('onHeadersReceived listener did not call back synchronously');
    return seen;
  }
}

export const app = new FakeApp();
export const ipcMain = new FakeIpcMain();
export const ipcRenderer = new FakeIpcRenderer();
export const contextBridge = new FakeContextBridge();
export const session = { defaultSession: new FakeSession() };
export const shell = {
  opened: [] as string[],
  openedPaths: [] as string[],
  openExternal(url: string): Promise<void> {
    shell.opened.push(url);
    return Promise.resolve();
  },
  /** Electron resolves to an error message, '' when the file manager opened the path. */
  openPath(path: string): Promise<string> {
    shell.openedPaths.push(path);
    return Promise.resolve('');
  },
};
export const screen = {
  displays: [] as { workArea: Rectangle }[],
  getAllDisplays(): { workArea: Rectangle }[] {
    return screen.displays;
  },
};
export const dialog = {
  errorBoxes: [] as { title: string; content: string }[],
  saveDialogs: [] as { parent: unknown; options: Electron.SaveDialogOptions }[],
  /** What the next save dialogs answer; the default is the user pressing Cancel. */
  saveAnswer: { canceled: true, filePath: '' } as Electron.SaveDialogReturnValue,
  messageBoxes: [] as { parent: unknown; options: Electron.MessageBoxSyncOptions }[],
  /** The button index the next message boxes answer. */
  messageBoxAnswer: 0,
  showMessageBoxSync(parent: unknown, options: Electron.MessageBoxSyncOptions): number {
    dialog.messageBoxes.push({ parent, options });
    return dialog.messageBoxAnswer;
  },
  showErrorBox(title: string, content: string): void {
    dialog.errorBoxes.push({ title, content });
  },
  /** As Electron's: (options) or (parentWindow, options). */
  async showSaveDialog(...args: [Electron.SaveDialogOptions] | [unknown, Electron.SaveDialogOptions]): Promise<Electron.SaveDialogReturnValue> {
    const [parent, options] = args.length === 1 ? [undefined, args[0]] : args;
    dialog.saveDialogs.push({ parent, options });
    return { ...dialog.saveAnswer };
  },
  openDialogs: [] as { parent: unknown; options: Electron.OpenDialogOptions }[],
  /** What the next open dialogs answer; the default is the user pressing Cancel. */
  openAnswer: { canceled: true, filePaths: [] } as Electron.OpenDialogReturnValue,
  async showOpenDialog(...args: [Electron.OpenDialogOptions] | [unknown, Electron.OpenDialogOptions]): Promise<Electron.OpenDialogReturnValue> {
    const [parent, options] = args.length === 1 ? [undefined, args[0]] : args;
    dialog.openDialogs.push({ parent, options });
    return { ...dialog.openAnswer };
  },
};

const ONE_SCREEN = [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }];

/** Back to a freshly started fake: no handlers, windows, listeners or records. */
/** A keychain stand-in: reversible, and visibly not the plain text. */
export const safeStorage = {
  isEncryptionAvailable: () => true,
  getSelectedStorageBackend: () => 'gnome_libsecret' as const,
  encryptString: (text: string) => Buffer.from(`sealed:${Buffer.from(text, 'utf8').toString('base64')}`, 'utf8'),
  decryptString: (sealed: Buffer) => Buffer.from(sealed.toString('utf8').replace(/^sealed:/, ''), 'base64').toString('utf8'),
};

export function resetFakeElectron(): void {
  app.removeAllListeners();
  app.paths = new Map([
    ['userData', '/fake/userData'],
    ['appData', '/fake/appData'],
    ['temp', '/fake/temp'],
    ['documents', '/fake/documents'],
  ]);
  app.appPath = '/fake/app';
  app.locale = 'fr-BE';
  app.singleInstanceLock = true;
  app.sandboxEnabled = false;
  app.quitRequested = false;
  app.exitCode = undefined;
  ipcMain.removeAllListeners();
  ipcMain.handlers.clear();
  ipcRenderer.removeAllListeners();
  ipcRenderer.invocations.length = 0;
  ipcRenderer.reply = async () => undefined;
  contextBridge.exposed.clear();
  session.defaultSession = new FakeSession();
  shell.opened.length = 0;
  shell.openedPaths.length = 0;
  screen.displays = ONE_SCREEN.map((display) => ({ workArea: { ...display.workArea } }));
  dialog.errorBoxes.length = 0;
  dialog.messageBoxes.length = 0;
  dialog.messageBoxAnswer = 0;
  dialog.saveDialogs.length = 0;
  dialog.saveAnswer = { canceled: true, filePath: '' };
  dialog.openDialogs.length = 0;
  dialog.openAnswer = { canceled: true, filePaths: [] };
  pageBehaviour.executeJavaScript = () => undefined;
  pageBehaviour.pdf = Buffer.from('%PDF-1.7 fake');
  pageBehaviour.printSucceeds = true;
  windows = [];
}

resetFakeElectron();

export default { app, BrowserWindow, contextBridge, dialog, ipcMain, ipcRenderer, safeStorage, screen, session, shell };
