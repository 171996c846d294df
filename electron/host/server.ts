/**
 * The browser host: the same services as the Electron app, served over HTTP
 * on 127.0.0.1 with the built renderer. Every call needs the per-launch secret
 * token; the Host header must name this loopback address (so a web page on a
 * rebound DNS name cannot reach it).
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import type { Dispatch } from '../dispatch';
import { CONTENT_SECURITY_POLICY } from '../content-security-policy';

export const CALL_PREFIX = '/api/call/';
/** Room for the largest payload of the contract (a spreadsheet of up to 8 MB as base64) and its JSON wrapping. */
const CLOSE_GRACE_MS = 1_000;

export const MAX_BODY_BYTES = 9 * 1024 * 1024;

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

export interface HostOptions {
  dispatch: Dispatch;
  /** The built renderer (out/renderer). */
  staticDir: string;
  port?: number;
  token?: string;
}

export interface RunningHost {
  url: string;
  /** The URL to open: carries the token in the fragment, which browsers never send to a server. */
  openUrl: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

function send(response: ServerResponse, status: number, body: string | Buffer, type = 'application/json; charset=utf-8'): void {
  response.writeHead(status, {
    'Content-Type': type,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  });
  response.end(body);
}

const refusal = (key: string) => JSON.stringify({ ok: false, error: { key } });

async function readBody(request: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** `decodeURIComponent` throws on a stray `%`; a request must never be able to throw. */
function decodePath(path: string): string | null {
  try {
    return decodeURIComponent(path);
  } catch {
    return null;
  }
}

function tokenMatches(header: string | undefined, token: string): boolean {
  const given = Buffer.from(header?.replace(/^Bearer /, '') ?? '');
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export async function startHost({ dispatch, staticDir, port = 0, token = randomBytes(24).toString('hex') }: HostOptions): Promise<RunningHost> {
  let origin = '';
  const allowedHosts = new Set<string>();

  async function serveStatic(pathname: string, response: ServerResponse): Promise<void> {
    const decoded = decodePath(pathname === '/' ? '/index.html' : pathname);
    if (decoded === null) return send(response, 404, 'not found', 'text/plain');
    const relative = normalize(decoded).replace(/^([/\\])+/, '');
    const path = join(staticDir, relative);
    if (!path.startsWith(staticDir + sep)) return send(response, 404, 'not found', 'text/plain');
    try {
      send(response, 200, await readFile(path), MIME[extname(path)] ?? 'application/octet-stream');
    } catch {
      send(response, 404, 'not found', 'text/plain');
    }
  }

  async function call(name: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (request.method !== 'POST') return send(response, 405, refusal('error.unauthorized'));
    if (!tokenMatches(request.headers.authorization, token)) return send(response, 401, refusal('error.unauthorized'));
    // A browser always sends Origin on a cross-site POST; only our own page may call.
    if (request.headers.origin !== undefined && request.headers.origin !== origin) {
      return send(response, 403, refusal('error.unauthorized'));
    }
    const body = await readBody(request);
    if (body === null) {
      // The rest of the body is never read: close the connection so the client cannot reuse a socket left mid-request.
      response.setHeader('Connection', 'close');
      return send(response, 413, refusal('error.tooLarge'));
    }
    let payload: unknown;
    try {
      payload = body === '' ? {} : JSON.parse(body);
    } catch {
      return send(response, 400, refusal('error.invalidInput'));
    }
    send(response, 200, JSON.stringify(await dispatch(name, payload)));
  }

  // Async so that anything thrown (a malformed URL, bad percent-encoding) becomes a refusal,
  // never an uncaught exception that would stop the host for every open tab.
  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (!allowedHosts.has(request.headers.host ?? '')) return send(response, 403, refusal('error.unauthorized'));
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.startsWith(CALL_PREFIX)) {
      const name = decodePath(url.pathname.slice(CALL_PREFIX.length));
      if (name === null) return send(response, 400, refusal('error.invalidInput'));
      return call(name, request, response);
    }
    if (request.method === 'GET') return serveStatic(url.pathname, response);
    send(response, 405, 'method not allowed', 'text/plain');
  }

  const server = createServer((request, response) => {
    route(request, response).catch((error: unknown) => {
      console.error(error);
      if (!response.headersSent) send(response, 500, refusal('error.internal'));
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const actualPort = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${actualPort}`;
  allowedHosts.add(`127.0.0.1:${actualPort}`).add(`localhost:${actualPort}`);

  return {
    url: `${origin}/`,
    openUrl: `${origin}/#token=${token}`,
    port: actualPort,
    token,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        // A keep-alive connection that turns idle just after the call above would keep close()
        // waiting for ever; in-flight calls get a grace period to finish their write, then go.
        setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS).unref();
      }),
  };
}
