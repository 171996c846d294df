/**
 * A small CouchDB HTTP client over node's fetch (issue 16): the few calls
 * Cabas makes to publish the shop, set up members and read their orders. No
 * PouchDB in the main process: a week of orders is a handful of documents,
 * and the shop is rewritten whole at each sync.
 *
 * Every failure the organiser can act on is a UserError: no network (the
 * relay is offline — the usual case, not an accident), a refused account, or
 * a CouchDB answer that says what went wrong.
 */
import { UserError } from '../../shared/contract/errors';

export interface CouchAccount {
  url: string;
  username: string;
  password: string;
}

export interface CouchClient {
  readonly url: string;
  request<T>(method: string, path: string, body?: unknown, accept?: readonly number[], retried?: boolean): Promise<{ status: number; body: T }>;
}

/** A CouchDB answer other than the expected ones. */
export class CouchError extends UserError {
  readonly status: number;
  constructor(status: number, reason: string) {
    super(status === 401 || status === 403 ? 'shop.unauthorized' : 'shop.httpError', { status, reason });
    this.status = status;
  }
}

const TIMEOUT_MS = 15_000;

export function couchClient(account: CouchAccount, fetcher: typeof fetch = fetch): CouchClient {
  const base = account.url.replace(/\/+$/, '');
  const basic = `Basic ${Buffer.from(`${account.username}:${account.password}`).toString('base64')}`;
  // A session cookie once, then on every call: the server checks the password (a slow hash, on purpose) once per sync, not per request.
  let session: Promise<string | null> | null = null;
  const login = async (): Promise<string | null> => {
    try {
      const response = await fetcher(`${base}/_session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ name: account.username, password: account.password }),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      const cookie = /AuthSession=[^;]+/.exec(response.headers.get('set-cookie') ?? '')?.[0];
      return response.ok && cookie ? cookie : null;
    } catch {
      return null;
    }
  };
  return {
    url: base,
    async request<T>(method: string, path: string, body?: unknown, accept: readonly number[] = [], retried = false) {
      session ??= login();
      const cookie = await session;
      let response: Response;
      try {
        response = await fetcher(`${base}/${path.replace(/^\/+/, '')}`, {
          method,
          // Basic when the server gave no cookie (sessions turned off): it works, only slower.
          headers: { ...(cookie ? { cookie } : { authorization: basic }), accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
          signal: AbortSignal.timeout(TIMEOUT_MS),
        });
      } catch (error) {
        // fetch says "fetch failed" for a refused connection, a DNS failure or a timeout: all mean "not reachable now".
        const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name;
        throw new UserError('shop.offline', { url: base, detail: String(cause) });
      }
      const text = await response.text();
      let parsed: unknown = null;
      try {
        parsed = text === '' ? null : JSON.parse(text);
      } catch {
        throw new UserError('shop.notCouch', { url: base });
      }
      if (response.ok || accept.includes(response.status)) return { status: response.status, body: parsed as T };
      if (response.status === 401 && cookie && !retried) {
        // The session expired during a long sync: log in again, once.
        session = null;
        return this.request<T>(method, path, body, accept, true);
      }
      const reason = (parsed as { reason?: string; error?: string } | null)?.reason ?? (parsed as { error?: string } | null)?.error ?? response.statusText;
      throw new CouchError(response.status, String(reason));
    },
  };
}

/** Creates the database unless it exists (412). */
export async function ensureDatabase(client: CouchClient, name: string): Promise<void> {
  await client.request('PUT', encodeURIComponent(name), undefined, [412]);
}

/** Writes a document whatever its current revision (the admin's own documents: the shop, `_security`, design). */
export async function putLatest(client: CouchClient, database: string, doc: { _id: string } & Record<string, unknown>): Promise<void> {
  const path = `${encodeURIComponent(database)}/${encodeURIComponent(doc._id)}`;
  for (let attempt = 0; attempt < 3; attempt++) {
    const current = await client.request<{ _rev?: string }>('GET', path, undefined, [404]);
    const rev = current.status === 404 ? undefined : current.body._rev;
    const written = await client.request('PUT', path, { ...doc, ...(rev ? { _rev: rev } : {}) }, [409]);
    if (written.status !== 409) return;
  }
  throw new CouchError(409, `conflict on ${doc._id}`);
}
