/**
 * A CouchDB stand-in for tests, the bench and `npm run shop` (issue 16):
 * PouchDB's express-pouchdb in its "fullCouchDB" mode over the in-memory
 * adapter, on 127.0.0.1 and a free port. It is what `pouchdb-server
 * --in-memory` runs, without pouchdb-server's other adapters, whose native
 * modules (sqlite3, leveldown) compile from source on these machines.
 * It answers CouchDB's HTTP API, replication, `_users`, `_security` and
 * `validate_doc_update`; README "Online ordering" lists where it differs from CouchDB 3.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import expressPouchDB from 'express-pouchdb';
import PouchDB from 'pouchdb-core';
import http from 'pouchdb-adapter-http';
import memory from 'pouchdb-adapter-memory';
import mapreduce from 'pouchdb-mapreduce';
import replication from 'pouchdb-replication';

// Plugins are added once per process (adding one twice throws); each server gets its own `defaults`.
const Plugged = PouchDB.plugin(memory).plugin(http).plugin(mapreduce).plugin(replication);

export interface CouchServer {
  url: string;
  admin: { username: string; password: string };
  close(): Promise<void>;
}

export async function startCouchServer({ port = 0, admin = { username: 'admin', password: 'admin-secret' } } = {}): Promise<CouchServer> {
  // Each server its own databases: a prefix per server keeps two servers in one process apart.
  const prefix = `couch-${Math.random().toString(36).slice(2)}-`;
  const Pouch = Plugged.defaults({ adapter: 'memory', prefix });
  const app = express();
  app.use('/', expressPouchDB(Pouch, { mode: 'fullCouchDB', inMemoryConfig: true, logPath: '/dev/null' }));
  const server: Server = await new Promise((resolve) => {
    const listening = app.listen(port, '127.0.0.1', () => resolve(listening));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // Out of the "admin party": from here on, only this account is admin, as on a real CouchDB 3.
  const set = await fetch(`${url}/_config/admins/${encodeURIComponent(admin.username)}`, { method: 'PUT', body: JSON.stringify(admin.password) });
  if (!set.ok) throw new Error(`could not set the CouchDB admin: ${set.status}`);
  return {
    url,
    admin,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
