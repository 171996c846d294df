// The test CouchDB's modules ship no types; only what couch-server.ts uses is declared.
declare module 'express-pouchdb' {
  import type { RequestHandler } from 'express';
  const expressPouchDB: (pouch: unknown, options?: Record<string, unknown>) => RequestHandler;
  export default expressPouchDB;
}
declare module 'express' {
  import type { Server } from 'node:http';
  export type RequestHandler = (...args: unknown[]) => void;
  interface App {
    use(path: string, handler: RequestHandler): void;
    listen(port: number, host: string, ready: () => void): Server;
  }
  const express: () => App;
  export default express;
}
declare module 'pouchdb-core' {
  interface PouchStatic {
    plugin(plugin: unknown): PouchStatic;
    defaults(options: Record<string, unknown>): PouchStatic;
  }
  const PouchDB: PouchStatic;
  export default PouchDB;
}
declare module 'pouchdb-adapter-http';
declare module 'pouchdb-adapter-memory';
declare module 'pouchdb-mapreduce';
declare module 'pouchdb-replication';
