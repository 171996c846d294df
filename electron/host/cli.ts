/**
 * `npm run serve`: Cabas in a browser. Prints the URL to open (with the
 * per-launch token). Flags: --data-dir=<folder> (or CABAS_DATA_DIR),
 * --port=<n> (or CABAS_PORT; default: a free port).
 */
import { fileURLToPath } from 'node:url';
import { openBackend } from '../backend';
import { defaultDataDir, flagValue, resolveDataDir } from '../data-folder';
import { startHost } from './server';

const argv = process.argv.slice(2);
const dataDir = resolveDataDir(argv, process.env, defaultDataDir());
const port = Number(flagValue(argv, '--port') ?? process.env.CABAS_PORT ?? 0);
const staticDir = fileURLToPath(new URL('../../out/renderer', import.meta.url));

const backend = await openBackend({ dataDir });
const { workspace, dispatch } = backend;
const host = await startHost({ dispatch, staticDir, port });
console.log(`Cabas data folder: ${dataDir}`);
if (workspace.inRecovery) console.log('A data file is damaged: the app opens on the recovery screen.');
console.log(`Cabas is running at ${host.openUrl}`);
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
