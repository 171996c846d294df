/**
 * Where the relay's data lives: `--data-dir=<folder>` beats `CABAS_DATA_DIR`,
 * which beats the user's app-data folder (the same one Electron's
 * `app.getPath('userData')` gives for an app named Cabas).
 */
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export const DATA_DIR_FLAG = '--data-dir';
export const DATA_DIR_ENV = 'CABAS_DATA_DIR';

export function defaultDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  const home = homedir();
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Cabas');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Cabas');
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), 'Cabas');
}

/** Reads `--name=value` or `--name value` from argv. */
export function flagValue(argv: readonly string[], flag: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg.startsWith(`${flag}=`)) return arg.slice(flag.length + 1);
    if (arg === flag) return argv[i + 1];
  }
  return undefined;
}

export function resolveDataDir(argv: readonly string[], env: NodeJS.ProcessEnv, fallback: string): string {
  const chosen = flagValue(argv, DATA_DIR_FLAG) ?? env[DATA_DIR_ENV];
  return chosen && chosen.trim() !== '' ? resolve(chosen) : fallback;
}
