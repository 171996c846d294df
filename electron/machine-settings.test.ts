import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { isVisibleOn, machineDir, machineSettingsIn, openMachineSettings } from './machine-settings';
import FakeElectronStore from './testing/fake-electron-store';
import { ipcMain, resetFakeElectron } from './testing/fake-electron';

vi.mock('electron-store', () => import('./testing/fake-electron-store'));

const SCREEN = { x: 0, y: 0, width: 1920, height: 1080 };

beforeEach(() => resetFakeElectron());

describe('machineDir', () => {
  it('is machine-local on each system, apart from the data folder', () => {
    expect(machineDir('linux', {}, '/home/jo')).toBe(join('/home/jo', '.local', 'state', 'Cabas'));
    expect(machineDir('linux', { XDG_STATE_HOME: '/tmp/state' }, '/home/jo')).toBe(join('/tmp/state', 'Cabas'));
    expect(machineDir('win32', { LOCALAPPDATA: 'C:/Users/jo/AppData/Local' }, 'C:/Users/jo')).toBe(join('C:/Users/jo/AppData/Local', 'Cabas'));
    expect(machineDir('darwin', {}, '/Users/jo')).toBe(join('/Users/jo', 'Library', 'Application Support', 'be.cabas.app'));
  });
});

describe('isVisibleOn', () => {
  it('needs enough of the window on one screen to grab it', () => {
    expect(isVisibleOn({ x: 100, y: 100, width: 800, height: 600 }, [SCREEN])).toBe(true);
    expect(isVisibleOn({ x: 1850, y: 100, width: 800, height: 600 }, [SCREEN])).toBe(false);
    expect(isVisibleOn({ x: 1800, y: 100, width: 800, height: 600 }, [SCREEN])).toBe(true);
    expect(isVisibleOn({ x: -5000, y: 0, width: 800, height: 600 }, [SCREEN])).toBe(false);
    expect(isVisibleOn({ x: 100, y: 100, width: 800, height: 600 }, [])).toBe(false);
  });
});

describe('machineSettingsIn', () => {
  const store = (value: unknown) => ({ get: () => value, set: () => undefined });

  it('gives back a saved window state that is still on screen', () => {
    const saved = { x: 10, y: 20, width: 900, height: 700, maximized: false };
    expect(machineSettingsIn(store(saved)).windowState([SCREEN])).toEqual(saved);
  });

  it.each([
    ['nothing saved', undefined],
    ['a string', 'big'],
    ['a missing field', { x: 0, y: 0, width: 900, height: 700 }],
    ['a negative size', { x: 0, y: 0, width: -900, height: 700, maximized: false }],
    ['fractions', { x: 0.5, y: 0, width: 900, height: 700, maximized: false }],
  ])('ignores %s', (_label, value) => {
    expect(machineSettingsIn(store(value)).windowState([SCREEN])).toBeUndefined();
  });
});

describe('openMachineSettings', () => {
  it('keeps a separate "machine" file and starts over if it is damaged', () => {
    openMachineSettings();
    expect(FakeElectronStore.instances.at(-1)?.options).toMatchObject({ name: 'machine', clearInvalidConfig: true });
  });

  it('closes the IPC channel electron-store opens, which would answer any page', () => {
    openMachineSettings();
    expect(ipcMain.listenerCount('electron-store-get-data')).toBe(0);
  });

  it('saves into the store', () => {
    const settings = openMachineSettings();
    const state = { x: 1, y: 2, width: 900, height: 700, maximized: true };
    settings.saveWindowState(state);
    expect(settings.windowState([SCREEN])).toEqual(state);
  });
});
