/**
 * The whole Electron entry against the fake `electron` module and a real data
 * folder: lifecycle, where things are stored, and that every operation of the
 * contract goes from the window through IPC to the real services.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { operationNames } from '../shared/contract/operations';
import { INVOKE_CHANNEL } from './ipc-channel';

vi.mock('electron-store', () => import('./testing/fake-electron-store'));

type FakeElectron = typeof import('./testing/fake-electron');

let root: string;
let dataDir: string;
let stateDir: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'cabas-main-'));
  dataDir = join(root, 'data');
  stateDir = join(root, 'state');
  vi.stubEnv('CABAS_DATA_DIR', dataDir);
  vi.stubEnv('XDG_STATE_HOME', stateDir);
  vi.stubEnv('LOCALAPPDATA', stateDir);
});

/** The apps launched by the test: quit before their folder goes (a daily backup may be running in the background). */
const launched: FakeElectron[] = [];

afterEach(async () => {
  for (const fake of launched.splice(0)) {
    if (fake.app.listenerCount('will-quit') === 0) continue;
    // Its will-quit closes the backend (waiting for a backup under way), then asks to quit.
    fake.app.quitRequested = false;
    fake.app.emit('will-quit', new fake.FakeEvent());
    await vi.waitFor(() => expect(fake.app.quitRequested).toBe(true), { timeout: 60_000 });
  }
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  await rm(root, { recursive: true, force: true });
});

/** A fresh fake and a fresh run of main.ts (it starts the app at import). */
async function launch(prepare: (fake: FakeElectron) => void = () => undefined): Promise<FakeElectron> {
  vi.resetModules();
  const fake = await import('./testing/fake-electron');
  fake.app.appPath = '/opt/Cabas/resources/app.asar';
  prepare(fake);
  launched.push(fake);
  await import('./main');
  return fake;
}

async function launchWithWindow(prepare?: (fake: FakeElectron) => void) {
  const fake = await launch(prepare);
  await vi.waitFor(() => expect(fake.BrowserWindow.getAllWindows()).toHaveLength(1));
  const window = fake.BrowserWindow.getAllWindows()[0]!;
  const call = (name: string, input: unknown = {}) => fake.ipcMain.invoke(INVOKE_CHANNEL, fake.invokeEvent(window.webContents), name, input);
  return { fake, window, call };
}

describe('main', () => {
  it('opens one hardened window on the built renderer page', async () => {
    const { fake, window } = await launchWithWindow();
    expect(window.webContents.loadedFile).toBe(join('/opt/Cabas/resources/app.asar', 'out', 'renderer', 'index.html'));
    expect(window.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(fake.app.sandboxEnabled).toBe(true);
    expect(window.webContents.tryNavigate('https://example.org/')).toBe(false);
    await expect(fake.session.defaultSession.requestPermission('media')).resolves.toBe(false);
  });

  it('answers every operation of the contract from the window, through the real services', async () => {
    const { call } = await launchWithWindow();
    for (const name of operationNames) {
      const outcome = (await call(name)) as { ok: boolean; error?: { key: string } };
      expect(outcome.ok || !['error.unauthorized', 'error.unknownOperation', 'error.internal'].includes(outcome.error!.key), name).toBe(true);
    }
    await expect(call('app.status')).resolves.toMatchObject({ ok: true, value: { state: 'ready', dataDir } });
  });

  it('lets the organiser pick a sync folder in the system dialog, attached to the window; a cancel picks nothing', async () => {
    const { fake, window, call } = await launchWithWindow();
    await expect(call('sync.chooseFolder')).resolves.toEqual({ ok: true, value: { supported: true, path: null } });
    fake.dialog.openAnswer = { canceled: false, filePaths: [join(root, 'Nextcloud', 'Relais')] };
    await expect(call('sync.chooseFolder')).resolves.toEqual({ ok: true, value: { supported: true, path: join(root, 'Nextcloud', 'Relais') } });
    expect(fake.dialog.openDialogs[1]).toMatchObject({ parent: window, options: { properties: ['openDirectory', 'createDirectory'] } });
  });

  it('opens the folder of a distribution’s .eml files in the file manager (issue 15)', async () => {
    const { fake, call } = await launchWithWindow();
    const created = (await call('distributions.create', { pickupDate: '2027-01-08', pickupStart: '17:00', pickupEnd: '19:00' })) as { value: { id: string } };
    const folder = join(dataDir, 'messages', '2027-01-08');
    await expect(call('outbox.exportFiles', { distributionId: created.value.id })).resolves.toEqual({ ok: true, value: { folder, files: [], opened: true } });
    expect(fake.shell.openedPaths).toEqual([folder]);
  });

  it('exports the weekly catalogue to PDF from a hidden print window that may read but not write', async () => {
    const { fake, window, call } = await launchWithWindow();
    const created = (await call('distributions.create', { pickupDate: '2027-01-08', pickupStart: '17:00', pickupEnd: '19:00' })) as {
      value: { id: string };
    };
    const id = created.value.id;
    const target = join(root, 'catalogue.pdf');
    fake.dialog.saveAnswer = { canceled: false, filePath: target };
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const fromPrintWindow: unknown[] = [];
    fake.pageBehaviour.executeJavaScript = async (contents) => {
      const ask = (name: string, input: unknown) => fake.ipcMain.invoke(INVOKE_CHANNEL, fake.invokeEvent(contents), name, input);
      fromPrintWindow.push(await ask('distributions.get', { id }), await ask('producers.create', { name: 'Intrus' }));
      return 'ready';
    };

    await expect(call('print.pdf', { view: 'catalogue', id })).resolves.toEqual({ ok: true, value: { saved: true, path: target } });
    await expect(readFile(target, 'utf8')).resolves.toContain('%PDF');
    expect(fromPrintWindow[0]).toMatchObject({ ok: true, value: { id } });
    expect(fromPrintWindow[1]).toEqual({ ok: false, error: { key: 'error.unauthorized' } });
    // The save dialog belongs to the main window, and the print window is gone.
    expect(fake.dialog.saveDialogs[0]!.parent).toBe(window);
    expect(fake.BrowserWindow.getAllWindows()).toEqual([window]);
    await expect(call('print.pdf', { view: 'catalogue', id: '7f9c1c1e-0000-4000-8000-000000000000' })).resolves.toEqual({
      ok: false,
      error: { key: 'error.distributionNotFound' },
    });
  });

  it('keeps the data in Electron’s usual app folder, and moves Chromium’s profile and the machine settings out of it', async () => {
    vi.stubEnv('CABAS_DATA_DIR', '');
    const electronUserData = join(root, 'Cabas');
    const { fake, call } = await launchWithWindow((f) => f.app.setPath('userData', electronUserData));
    await expect(call('app.status')).resolves.toMatchObject({ ok: true, value: { dataDir: electronUserData } });
    expect(fake.app.getPath('userData')).toBe(join(stateDir, 'Cabas'));
  });

  it('takes the data folder from --data-dir before CABAS_DATA_DIR', async () => {
    const flagged = join(root, 'flagged');
    vi.spyOn(process, 'argv', 'get').mockReturnValue(['electron', '.', `--data-dir=${flagged}`]);
    const { call } = await launchWithWindow();
    await expect(call('app.status')).resolves.toMatchObject({ ok: true, value: { dataDir: flagged } });
  });

  it('quits at once when another copy already runs, touching nothing', async () => {
    const fake = await launch((f) => {
      f.app.singleInstanceLock = false;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fake.app.quitRequested).toBe(true);
    expect(fake.BrowserWindow.getAllWindows()).toHaveLength(0);
    expect(fake.ipcMain.handlers.size).toBe(0);
  });

  it('brings the window back when the user starts a second copy', async () => {
    const { fake, window } = await launchWithWindow();
    window.minimize();
    fake.app.emit('second-instance');
    expect(window.isMinimized()).toBe(false);
    expect(window.focused).toBe(true);
  });

  it('quits when the last window closes, except on macOS where it reopens on activate', async () => {
    const linux = await launchWithWindow();
    vi.spyOn(process, 'platform', 'get').mockReturnValue('linux');
    linux.window.close();
    expect(linux.fake.app.quitRequested).toBe(true);

    const mac = await launchWithWindow();
    vi.spyOn(process, 'platform', 'get').mockReturnValue('darwin');
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    mac.window.close();
    expect(mac.fake.app.quitRequested).toBe(false);
    // Calls from the closed window's contents are refused from now on.
    await expect(mac.fake.ipcMain.invoke(INVOKE_CHANNEL, mac.fake.invokeEvent(mac.window.webContents), 'app.status', {})).resolves.toEqual({
      ok: false,
      error: { key: 'error.unauthorized' },
    });
    mac.fake.app.emit('activate');
    expect(mac.fake.BrowserWindow.getAllWindows()).toHaveLength(1);
  });

  it('tells the user, in French, when the data folder cannot be opened, and exits', async () => {
    const blocker = join(root, 'a-file');
    await writeFile(blocker, 'not a folder');
    vi.stubEnv('CABAS_DATA_DIR', join(blocker, 'data'));
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const fake = await launch();
    await vi.waitFor(() => expect(fake.app.exitCode).toBe(1));
    expect(fake.dialog.errorBoxes).toHaveLength(1);
    expect(fake.dialog.errorBoxes[0]!.content).toContain('Cabas n’a pas pu ouvrir les données.');
    expect(fake.dialog.errorBoxes[0]!.content).toContain(join(blocker, 'data'));
    expect(fake.BrowserWindow.getAllWindows()).toHaveLength(0);
  });
});
