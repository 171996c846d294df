/**
 * What belongs to this machine rather than to the relay: where the window sat
 * and how big it was (screens differ from one laptop to the next). It lives
 * in a machine folder apart from the relay's data folder, for two reasons:
 * the store reads every .json file of the data folder as relay data (a stray
 * settings file would send the app into recovery), and a data folder synced
 * to another laptop must not carry this one's window size along.
 */
import { ipcMain, safeStorage } from 'electron';
import Store from 'electron-store';
import { z } from 'zod';
import { PLAIN_SEAL, type SecretSeal } from './shop/shop-account';

// Kept where it was imported from; it lives apart so plain Node (the browser host) can use it without 'electron'.
export { machineDir } from './machine-dir';

const windowStateSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  maximized: z.boolean(),
});

export type WindowState = z.infer<typeof windowStateSchema>;

export interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface MachineSettings {
  /** The saved window state, unless it is damaged or no longer on any screen (a monitor was unplugged). */
  windowState(workAreas: readonly Rectangle[]): WindowState | undefined;
  saveWindowState(state: WindowState): void;
}

/** The part of electron-store (or conf) these settings use, so tests can pass a Map. */
export interface KeyValueStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

const WINDOW_KEY = 'window';
/** Enough of the window on screen to grab it and move it back. */
const MIN_VISIBLE = 100;

export function isVisibleOn(state: Rectangle, workAreas: readonly Rectangle[]): boolean {
  return workAreas.some((area) => {
    const width = Math.min(state.x + state.width, area.x + area.width) - Math.max(state.x, area.x);
    const height = Math.min(state.y + state.height, area.y + area.height) - Math.max(state.y, area.y);
    return width >= MIN_VISIBLE && height >= MIN_VISIBLE;
  });
}

export function machineSettingsIn(store: KeyValueStore): MachineSettings {
  return {
    windowState(workAreas) {
      const saved = windowStateSchema.safeParse(store.get(WINDOW_KEY));
      return saved.success && isVisibleOn(saved.data, workAreas) ? saved.data : undefined;
    },
    saveWindowState(state) {
      store.set(WINDOW_KEY, state);
    },
  };
}

/** Main process only, after `app.setPath('userData', machineDir())`: electron-store writes under userData. */
export function openMachineSettings(): MachineSettings {
  // Losing a window size is harmless; refusing to start over a hand-edited file is not.
  const store = new Store({ name: 'machine', clearInvalidConfig: true });
  // electron-store opens a sync IPC channel that tells any renderer the userData path, for stores
  // created in a renderer. Cabas has none, and every channel must check its sender: close it.
  ipcMain.removeAllListeners('electron-store-get-data');
  return machineSettingsIn(store);
}

/**
 * The seal of the relay's CouchDB password (issue 16): safeStorage encrypts with the
 * system keychain (Keychain, DPAPI, libsecret), so the file alone is of no use on
 * another machine or to another user.
 */
export function safeStorageSeal(): SecretSeal {
  // Linux without a keyring: safeStorage would use a fixed key; the file's 0600 mode is then what protects it, as in the browser host.
  if (!safeStorage.isEncryptionAvailable() || safeStorage.getSelectedStorageBackend?.() === 'basic_text') return PLAIN_SEAL;
  return {
    kind: 'safeStorage',
    seal: (secret) => safeStorage.encryptString(secret).toString('base64'),
    open: (sealed) => safeStorage.decryptString(Buffer.from(sealed, 'base64')),
  };
}
