/**
 * `npm run shop` (issue 16): the member page served locally against a test
 * CouchDB (in memory, gone when this stops). Prints what to enter in Cabas's
 * Réglages → online ordering: the CouchDB address goes through the page's
 * server (/couch), so the page and the database share one origin, as behind
 * the README's reverse proxy. `--port=<n>` for the page (default 5199).
 */
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';
import { spawnCouch } from './spawn-couch';

const port = Number(/^--port=(\d+)$/.exec(process.argv.find((arg) => arg.startsWith('--port=')) ?? '')?.[1] ?? 5199);
const couch = await spawnCouch();
process.env.COUCH_URL = couch.url;
const server = await createServer({ configFile: fileURLToPath(new URL('../renderer/shop/vite.config.ts', import.meta.url)), server: { port } });
await server.listen();
const page = `http://127.0.0.1:${port}/`;
console.log(`Member page: ${page}`);
console.log('In Cabas, Réglages → Commande en ligne des membres:');
console.log(`  CouchDB address: ${page}couch   admin: ${couch.admin.username} / ${couch.admin.password}   member page: ${page}`);
console.log('Then open a member, ask for their link, and open it here. Ctrl+C stops both servers (the test CouchDB forgets everything).');
const stop = async () => {
  await server.close();
  await couch.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
