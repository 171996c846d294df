/**
 * How `npm run serve` / `npm run host` are asked to run: on which port, and
 * whether to open the browser. The port is the same at every launch (a
 * bookmark keeps working) unless --port or CABAS_PORT says otherwise; --port=0
 * asks for any free port (tests, several copies side by side).
 */
import { flagValue } from '../data-folder';

/** "CA" on a phone keypad, then 27: fixed, so the address is the same at every launch. */
export const DEFAULT_PORT = 2227;

export type HostLaunch =
  | { ok: true; port: number; portChosen: boolean; open: boolean }
  | { ok: false; message: string };

export function hostLaunch(argv: readonly string[], env: NodeJS.ProcessEnv): HostLaunch {
  const asked = flagValue(argv, '--port') ?? (env.CABAS_PORT?.trim() || undefined);
  const open = !argv.includes('--no-open');
  if (asked === undefined) return { ok: true, port: DEFAULT_PORT, portChosen: false, open };
  const port = /^\d{1,5}$/.test(asked) ? Number(asked) : NaN;
  if (!(port >= 0 && port <= 65_535)) return { ok: false, message: `Cabas: the port must be a number from 0 to 65535 (got "${asked}").` };
  return { ok: true, port, portChosen: true, open };
}
