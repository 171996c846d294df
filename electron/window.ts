/**
 * The main window: the renderer page from disk, with the preload bridge as its
 * only door to the main process. Where it opens and how big comes from the
 * machine settings, and is saved again when it closes.
 */
import { join } from 'node:path';
import { BrowserWindow, dialog, screen } from 'electron';
import type { MachineSettings } from './machine-settings';

export interface AppFiles {
  preload: string;
  rendererPage: string;
}

/** Built files, relative to the app folder (the project in development, app.asar once packaged). */
export function appFiles(appPath: string): AppFiles {
  return {
    preload: join(appPath, 'out', 'preload', 'preload.cjs'),
    rendererPage: join(appPath, 'out', 'renderer', 'index.html'),
  };
}

const DEFAULT_SIZE = { width: 1280, height: 800 };

export function createMainWindow(files: AppFiles, settings: MachineSettings): BrowserWindow {
  const saved = settings.windowState(screen.getAllDisplays().map((display) => display.workArea));
  const mainWindow = new BrowserWindow({
    ...(saved ? { x: saved.x, y: saved.y, width: saved.width, height: saved.height } : DEFAULT_SIZE),
    minWidth: 800,
    minHeight: 560,
    title: 'Cabas',
    // Shown once painted, so the organiser never sees a blank white frame.
    show: false,
    webPreferences: {
      preload: files.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      // Dropping a file on the window would navigate to it.
      navigateOnDragDrop: false,
    },
  });
  if (saved?.maximized) mainWindow.maximize();
  mainWindow.once('ready-to-show', () => mainWindow.show());
  // The normal bounds, not the maximised ones, so un-maximising next time restores a sensible size.
  mainWindow.on('close', () => settings.saveWindowState({ ...mainWindow.getNormalBounds(), maximized: mainWindow.isMaximized() }));
  // A screen with unsaved typing (the stock grid) asks before unloading; Electron would otherwise
  // silently refuse to close, leaving the organiser with a window that ignores the close button.
  mainWindow.webContents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(mainWindow, {
      type: 'question',
      buttons: ['Quitter sans enregistrer / Leave without saving', 'Rester / Stay'],
      defaultId: 1,
      cancelId: 1,
      message: 'Des modifications ne sont pas enregistrées. / Some changes are not saved.',
    });
    if (choice === 0) event.preventDefault();
  });
  mainWindow.loadFile(files.rendererPage).catch((error: unknown) => console.error('Cabas: could not load the app page', error));
  return mainWindow;
}
