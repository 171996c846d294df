/**
 * The member page's own build (issue 16): a static app in out/shop, served
 * by CouchDB, a reverse proxy or any static host. `npm run shop` serves it
 * with a dev server whose /couch path is proxied to the test CouchDB
 * (COUCH_URL), so page and database share one origin, as behind the README's proxy.
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const couch = process.env.COUCH_URL;

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [react()],
  // PouchDB's browser build still reads Node's `global` and extends Node's EventEmitter: the `events` package stands in for it.
  define: { global: 'globalThis' },
  resolve: { alias: { events: 'events/' } },
  build: { outDir: fileURLToPath(new URL('../../out/shop', import.meta.url)), emptyOutDir: true },
  server: {
    host: '127.0.0.1',
    strictPort: true,
    ...(couch ? { proxy: { '/couch': { target: couch, changeOrigin: true, rewrite: (path: string) => path.replace(/^\/couch/, '') } } } : {}),
  },
});
