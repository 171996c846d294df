/**
 * The Electron entry: one running copy per machine, the relay's data folder
 * opened behind the contract, one hardened window. Only wiring lives here;
 * the work happens in the services (backend.ts) and the glue files beside it.
 */
import { app, BrowserWindow, dialog, session, shell } from 'electron';
import { translate } from '../shared/i18n/messages';
import { openBackend } from './backend';
import { resolveDataDir } from './data-folder';
import { registerIpc } from './ipc';
import { machineDir, openMachineSettings, safeStorageSeal } from './machine-settings';
import { electronPrinting } from './print';
import { shopAccountFile } from './shop/shop-account';
import { hardenApp, hardenSession } from './security';
import { appFiles, createMainWindow } from './window';

// Read before userData moves: by default the relay's data lives where Electron keeps an app's data,
// the same folder the browser host uses (data-folder.ts).
const dataDir = resolveDataDir(process.argv, process.env, app.getPath('userData'));
// Chromium's profile (caches, local storage) and the machine settings go elsewhere,
// so the data folder holds relay data only. Must happen before `ready`.
app.setPath('userData', machineDir());
hardenApp();

let mainWindow: BrowserWindow | undefined;

// Two copies would each keep their own working set of the same data folder in memory.
if (app.requestSingleInstanceLock()) {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  // macOS apps stay open without windows until the user quits them.
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  start().catch(failToStart);
} else {
  app.quit();
}

async function start(): Promise<void> {
  await app.whenReady();
  hardenSession(session.defaultSession);
  const files = appFiles(app.getAppPath());
  // Print windows get the same hardening as every web contents (hardenApp); print.ts never imports electron itself.
  const printing = electronPrinting({
    BrowserWindow,
    files,
    documentsDir: app.getPath('documents'),
    showSaveDialog: (options) => (mainWindow ? dialog.showSaveDialog(mainWindow, options) : dialog.showSaveDialog(options)),
  });
  const chooseFolder = async () => {
    const options = { properties: ['openDirectory', 'createDirectory'] as ('openDirectory' | 'createDirectory')[] };
    const chosen = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
    return chosen.canceled ? null : (chosen.filePaths[0] ?? null);
  };
  // The relay's CouchDB account stays on this machine, out of the synced data folder (issue 16).
  const shopAccount = shopAccountFile(machineDir(), safeStorageSeal());
  // The outbox's `.eml` folder, computed by the main process inside the data folder: never a path the page sent.
  const openFolder = async (folder: string) => {
    const problem = await shell.openPath(folder);
    if (problem) throw new Error(problem);
  };
  const backend = await openBackend({ dataDir, print: printing.adapter, chooseFolder, shopAccount, openFolder });
  const { dispatch } = backend;
  // Quitting waits once for the store's journal to be folded into the data files: nothing would be
  // lost without it (the journal replays at the next open), but the next open is quicker.
  let closed = false;
  app.on('will-quit', (event) => {
    if (closed) return;
    closed = true;
    event.preventDefault();
    void backend
      .close()
      .catch(() => undefined)
      .finally(() => app.quit());
  });
  const settings = openMachineSettings();
  registerIpc({
    dispatch,
    rendererPage: files.rendererPage,
    mainWebContents: () => mainWindow?.webContents,
    isPrintContents: (contents) => printing.owns(contents),
  });

  const openWindow = () => {
    mainWindow = createMainWindow(files, settings);
    mainWindow.on('closed', () => {
      mainWindow = undefined;
    });
  };
  openWindow();
  app.on('activate', () => {
    if (!mainWindow) openWindow();
  });
}

function failToStart(error: unknown): void {
  const language = app.getLocale().startsWith('fr') ? 'fr' : 'en';
  const detail = error instanceof Error ? error.message : String(error);
  dialog.showErrorBox(translate(language, 'app.name'), `${translate(language, 'app.loadFailed')}\n\n${dataDir}\n${detail}`);
  app.exit(1);
}
