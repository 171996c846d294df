/**
 * A stand-in for electron-store in unit tests (`vi.mock('electron-store', …)`):
 * the real one imports the real `electron`. Like the real one, constructing it
 * in the main process opens the `electron-store-get-data` IPC channel, so tests
 * can check that the glue closes it again.
 */
import { ipcMain } from './fake-electron';

export default class FakeElectronStore {
  static readonly instances: FakeElectronStore[] = [];
  readonly data = new Map<string, unknown>();

  constructor(readonly options: Record<string, unknown> = {}) {
    ipcMain.on('electron-store-get-data', (event: { returnValue?: unknown }) => {
      event.returnValue = { defaultCwd: '/fake/userData', appVersion: '0.0.0-test' };
    });
    FakeElectronStore.instances.push(this);
  }

  get(key: string): unknown {
    return this.data.get(key);
  }

  set(key: string, value: unknown): void {
    this.data.set(key, structuredClone(value));
  }
}
