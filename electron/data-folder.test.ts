import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA_DIR_ENV, defaultDataDir, flagValue, resolveDataDir } from './data-folder';

describe('choosing the data folder', () => {
  const fallback = '/home/organiser/.config/Cabas';

  it('--data-dir beats CABAS_DATA_DIR, which beats the default', () => {
    expect(resolveDataDir(['--data-dir=/mnt/usb/cabas'], { [DATA_DIR_ENV]: '/srv/cabas' }, fallback)).toBe(resolve('/mnt/usb/cabas'));
    expect(resolveDataDir(['--data-dir', '/mnt/usb/cabas'], {}, fallback)).toBe(resolve('/mnt/usb/cabas'));
    expect(resolveDataDir([], { [DATA_DIR_ENV]: '/srv/cabas' }, fallback)).toBe(resolve('/srv/cabas'));
    expect(resolveDataDir([], {}, fallback)).toBe(fallback);
  });

  it('makes a relative folder absolute, so a later chdir cannot move the data', () => {
    expect(resolveDataDir(['--data-dir=portable-data'], {}, fallback)).toBe(resolve('portable-data'));
  });

  it('ignores a blank choice', () => {
    expect(resolveDataDir([], { [DATA_DIR_ENV]: '   ' }, fallback)).toBe(fallback);
  });

  it('reads --name=value and --name value, and nothing for a flag without value', () => {
    expect(flagValue(['--port=8080'], '--port')).toBe('8080');
    expect(flagValue(['--port', '8080'], '--port')).toBe('8080');
    expect(flagValue(['--port'], '--port')).toBeUndefined();
    expect(flagValue(['--portable'], '--port')).toBeUndefined();
  });

  it('uses the platform’s app-data folder by default', () => {
    expect(defaultDataDir('linux', {})).toBe(join(homedir(), '.config', 'Cabas'));
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '/xdg' })).toBe(join('/xdg', 'Cabas'));
    expect(defaultDataDir('darwin', {})).toBe(join(homedir(), 'Library', 'Application Support', 'Cabas'));
    expect(defaultDataDir('win32', { APPDATA: 'C:\\Users\\o\\AppData\\Roaming' })).toBe(join('C:\\Users\\o\\AppData\\Roaming', 'Cabas'));
  });
});
