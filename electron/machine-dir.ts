/** Where this machine's own files live, apart from the relay's data folder (see machine-settings.ts for why). */
import { homedir } from 'node:os';
import { join } from 'node:path';

/** Chromium's profile and the machine settings: machine-local, outside any data folder the user may sync. */
export function machineDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env, home = homedir()): string {
  if (platform === 'win32') return join(env.LOCALAPPDATA ?? join(home, 'AppData', 'Local'), 'Cabas');
  // The data folder is already ~/Library/Application Support/Cabas; the bundle id keeps them apart.
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'be.cabas.app');
  // XDG's place for "window layout and other state that should persist but is not worth moving between machines".
  return join(env.XDG_STATE_HOME ?? join(home, '.local', 'state'), 'Cabas');
}
