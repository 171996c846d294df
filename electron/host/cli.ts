/**
 * `npm run serve`: Cabas in a browser. Prints the URL to open (with the
 * per-launch token) and opens it. Flags: --data-dir=<folder> (or CABAS_DATA_DIR),
 * --port=<n> (or CABAS_PORT; default: the same port every time, see
 * launch-options.ts; 0: any free port), --no-open (do not open the browser).
 */
import { fileURLToPath } from 'node:url';
import { openBackend } from '../backend';
import { defaultDataDir, resolveDataDir } from '../data-folder';
import { machineDir } from '../machine-dir';
import { shopAccountFile } from '../shop/shop-account';
import { hostLaunch } from './launch-options';
import { openBrowser } from './open-browser';
import { startHost, type RunningHost } from './server';

const argv = process.argv.slice(2);
const launch = hostLaunch(argv, process.env);
if (!launch.ok) {
  console.error(launch.message);
  process.exit(1);
}
const dataDir = resolveDataDir(argv, process.env, defaultDataDir());
const staticDir = fileURLToPath(new URL('../../out/renderer', import.meta.url));

// The relay's CouchDB account: a 0600 file in this machine's folder, never in the data folder (issue 16).
// CABAS_MACHINE_DIR moves it (tests, portable use).
const shopAccount = shopAccountFile(process.env.CABAS_MACHINE_DIR ?? machineDir());
const backend = await openBackend({ dataDir, shopAccount });
const { workspace, dispatch } = backend;
const inUse = (error: unknown) => (error as NodeJS.ErrnoException).code === 'EADDRINUSE';
let host: RunningHost;
try {
  host = await startHost({ dispatch, staticDir, port: launch.port });
} catch (error) {
  if (!inUse(error)) throw error;
  if (launch.portChosen) {
    console.error(`Cabas: port ${launch.port} is already in use (another Cabas, or another program). Choose another with --port=<n> or CABAS_PORT.`);
    process.exit(1);
  }
  // The usual port is taken (most often by a Cabas already running): any free port will do, said plainly.
  host = await startHost({ dispatch, staticDir, port: 0 });
  console.log(`Port ${launch.port} is already in use (another Cabas?): this one listens on port ${host.port} instead.`);
}
console.log(`Cabas data folder: ${dataDir}`);
if (workspace.inRecovery) console.log('A data file is damaged: the app opens on the recovery screen.');
console.log(`Cabas is running at ${host.openUrl}`);
if (launch.open && !openBrowser(host.openUrl)) console.log('Open that address in your browser.');
// A line for scripts and tests that start the host as a child process.
console.log(`CABAS_HOST ${JSON.stringify({ url: host.url, openUrl: host.openUrl, token: host.token })}`);

const stop = async () => {
  await host.close();
  // Nothing is lost without it (the journal replays at the next open), but the next open is quicker.
  await backend.close().catch(() => undefined);
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
