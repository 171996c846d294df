/**
 * The tests' CouchDB stand-in as a process of its own (issue 16), for the
 * benchmark and `npm run shop`: a real CouchDB is a server apart, and in one
 * process with Cabas the two would share one event loop. Prints one line
 * `COUCH {"url":…,"admin":…}` once listening. `--port=<n>` (default: any free port).
 */
import { startCouchServer } from '../electron/testing/couch-server';

const port = Number(/^--port=(\d+)$/.exec(process.argv.find((arg) => arg.startsWith('--port=')) ?? '')?.[1] ?? 0);
const server = await startCouchServer({ port });
console.log(`COUCH ${JSON.stringify({ url: server.url, admin: server.admin })}`);
const stop = () => void server.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
