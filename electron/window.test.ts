import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { machineSettingsIn, type MachineSettings } from './machine-settings';
import { BrowserWindow, dialog, FakeEvent, resetFakeElectron, screen } from './testing/fake-electron';
import { appFiles, createMainWindow } from './window';

vi.mock('electron-store', () => import('./testing/fake-electron-store'));

const files = appFiles('/opt/Cabas/resources/app.asar');
let stored: Map<string, unknown>;
let settings: MachineSettings;

beforeEach(() => {
  resetFakeElectron();
  stored = new Map();
  settings = machineSettingsIn({ get: (key) => stored.get(key), set: (key, value) => stored.set(key, value) });
});

const open = () => createMainWindow(files, settings) as unknown as BrowserWindow;

describe('appFiles', () => {
  it('points at the built preload and renderer inside the app folder', () => {
    expect(files).toEqual({
      preload: join('/opt/Cabas/resources/app.asar', 'out', 'preload', 'preload.cjs'),
      rendererPage: join('/opt/Cabas/resources/app.asar', 'out', 'renderer', 'index.html'),
    });
  });
});

describe('createMainWindow', () => {
  it('isolates the page: context isolation, sandbox, no Node, web security, our preload only', () => {
    const window = open();
    expect(window.options.webPreferences).toMatchObject({
      preload: files.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('loads the built renderer page from disk', () => {
    expect(open().webContents.loadedFile).toBe(files.rendererPage);
  });

  it('asks before closing over unsaved typing, and closes only if the organiser says so', () => {
    const window = open();
    dialog.messageBoxAnswer = 1; // Rester / Stay
    const stay = new FakeEvent();
    window.webContents.emit('will-prevent-unload', stay);
    expect(stay.defaultPrevented).toBe(false);
    expect(dialog.messageBoxes[0]?.parent).toBe(window);

    dialog.messageBoxAnswer = 0; // Quitter sans enregistrer / Leave without saving
    const leave = new FakeEvent();
    window.webContents.emit('will-prevent-unload', leave);
    expect(leave.defaultPrevented).toBe(true);
  });

  it('stays hidden until painted', () => {
    const window = open();
    expect(window.visible).toBe(false);
    window.emit('ready-to-show');
    expect(window.visible).toBe(true);
  });

  it('opens at a default size the first time', () => {
    expect(open().bounds).toMatchObject({ width: 1280, height: 800 });
  });

  it('reopens where and as big as it was closed, maximised or not', () => {
    const first = open();
    first.setBounds({ x: 100, y: 80, width: 1000, height: 700 });
    first.maximize();
    first.close();

    const second = open();
    expect(second.bounds).toEqual({ x: 100, y: 80, width: 1000, height: 700 });
    expect(second.isMaximized()).toBe(true);
  });

  it('ignores a saved place that is on no screen any more (monitor unplugged)', () => {
    const first = open();
    first.setBounds({ x: 2000, y: 100, width: 1000, height: 700 });
    screen.displays = [
      { workArea: { x: 0, y: 0, width: 1920, height: 1080 } },
      { workArea: { x: 1920, y: 0, width: 1920, height: 1080 } },
    ];
    first.close();

    screen.displays = [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }];
    expect(open().bounds).toEqual({ x: 0, y: 0, width: 1280, height: 800 });
  });
});
