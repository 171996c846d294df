// pouchdb-browser ships no types: only what the member page uses.
declare module 'pouchdb-browser' {
  interface Changes {
    on(event: 'change', listener: () => void): Changes;
    cancel(): void;
  }
  export interface Database {
    allDocs<T>(options: { include_docs: true; startkey?: string; endkey?: string }): Promise<{ rows: { doc?: T }[] }>;
    get<T>(id: string): Promise<T>;
    put(doc: object): Promise<{ ok: boolean; rev: string }>;
    changes(options: { live: true; since: 'now' }): Changes;
  }
  const PouchDB: new (name: string, options?: { auth?: { username: string; password: string }; skip_setup?: boolean }) => Database;
  export default PouchDB;
}
