import { Agent, request } from 'node:http';
import { networkInterfaces } from 'node:os';
import { mkdir, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openBackend } from '../backend';
import { snapshotFolder, useTempDirs } from '../testing/temp-dir';
import { CALL_PREFIX, MAX_BODY_BYTES, startHost, type RunningHost } from './server';

const tempDir = useTempDirs();
const SECRET = 'the-secret-outside-the-static-folder';
let running: RunningHost | undefined;
const backends: Awaited<ReturnType<typeof openBackend>>[] = [];

// Before the temporary folders go: the backend's close waits for the daily backup a first change starts in the
// background, which would otherwise still be writing in the folder being removed (ENOTEMPTY).
afterEach(async () => {
  await running?.close();
  for (const backend of backends.splice(0)) await backend.close();
  running = undefined;
});

async function startTestHost() {
  const root = await tempDir();
  const dataDir = join(root, 'data');
  const staticDir = join(root, 'static');
  await mkdir(join(staticDir, 'assets'), { recursive: true });
  await writeFile(join(staticDir, 'index.html'), '<!doctype html><title>Cabas</title>');
  await writeFile(join(staticDir, 'assets', 'app.js'), 'console.log("cabas")');
  await writeFile(join(root, 'secret.txt'), SECRET);
  await writeFile(join(root, 'package.json'), SECRET);
  const backend = await openBackend({ dataDir, log: () => undefined });
  backends.push(backend);
  const host = await startHost({ dispatch: backend.dispatch, staticDir });
  running = host;
  return { host, dataDir, backend };
}

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw HTTP request: unlike fetch, it sends the path and the Host header exactly as given. */
function send(
  host: RunningHost,
  {
    method = 'POST',
    path,
    headers = {},
    body,
    agent = false,
  }: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer; agent?: Agent | false },
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: host.port, method, path, headers: { host: `127.0.0.1:${host.port}`, ...headers }, agent },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const auth = (host: RunningHost) => ({ authorization: `Bearer ${host.token}`, 'content-type': 'application/json' });
const createBody = JSON.stringify({ name: 'Ferme du Bois' });

describe('the browser host API', () => {
  it('runs an operation for a caller with the token, and the change is on disk', async () => {
    const { host, backend } = await startTestHost();
    const reply = await send(host, { path: `${CALL_PREFIX}producers.create`, headers: auth(host), body: createBody });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true, value: { producer: { name: 'Ferme du Bois' } } });
    expect(backend.workspace.store.all('producer')).toHaveLength(1);
    // Same page, same origin: allowed.
    const sameOrigin = await send(host, {
      path: `${CALL_PREFIX}producers.list`,
      headers: { ...auth(host), origin: `http://127.0.0.1:${host.port}` },
      body: '{}',
    });
    expect(JSON.parse(sameOrigin.body)).toMatchObject({ ok: true, value: [{ name: 'Ferme du Bois' }] });
  });

  it('answers a refusal of the services as a 200 outcome, not a crash', async () => {
    const { host } = await startTestHost();
    const reply = await send(host, { path: `${CALL_PREFIX}producers.create`, headers: auth(host), body: '{"name":"  "}' });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { key: 'error.invalidInput', issues: [{ path: 'name' }] } });
    const unknown = await send(host, { path: `${CALL_PREFIX}producers.drop`, headers: auth(host), body: '{}' });
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { key: 'error.unknownOperation' } });
  });

  it.each<[string, (host: RunningHost) => Record<string, string>, number]>([
    ['no token', () => ({ 'content-type': 'application/json' }), 401],
    ['a wrong token of the right length', (host) => ({ authorization: `Bearer ${'0'.repeat(host.token.length)}` }), 401],
    ['a wrong token of another length', () => ({ authorization: 'Bearer abc' }), 401],
    ['the token without the Bearer scheme but wrong', () => ({ authorization: 'Basic dXNlcjpwYXNz' }), 401],
    ['a foreign Host header (DNS rebinding)', (host) => ({ ...auth(host), host: `evil.example:${host.port}` }), 403],
    ['a Host header on another port', (host) => ({ ...auth(host), host: `127.0.0.1:${host.port + 1}` }), 403],
    ['a cross-origin page', (host) => ({ ...auth(host), origin: 'http://evil.example' }), 403],
    ['a sandboxed page (Origin: null)', (host) => ({ ...auth(host), origin: 'null' }), 403],
  ])('refuses a call with %s and writes nothing', async (_, headers, status) => {
    const { host, dataDir } = await startTestHost();
    const before = await snapshotFolder(dataDir);
    const reply = await send(host, { path: `${CALL_PREFIX}producers.create`, headers: headers(host), body: createBody });
    expect(reply.status).toBe(status);
    expect(JSON.parse(reply.body)).toEqual({ ok: false, error: { key: 'error.unauthorized' } });
    expect(await snapshotFolder(dataDir)).toEqual(before);
  });

  it('refuses a call by GET', async () => {
    const { host } = await startTestHost();
    const reply = await send(host, { method: 'GET', path: `${CALL_PREFIX}producers.list`, headers: auth(host) });
    expect(reply.status).toBe(405);
  });

  it('answers a malformed JSON body with 400 and writes nothing', async () => {
    const { host, dataDir } = await startTestHost();
    const before = await snapshotFolder(dataDir);
    const reply = await send(host, { path: `${CALL_PREFIX}producers.create`, headers: auth(host), body: '{"name": "Ferme' });
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.body)).toEqual({ ok: false, error: { key: 'error.invalidInput' } });
    expect(await snapshotFolder(dataDir)).toEqual(before);
  });

  it('refuses a body over the limit, writes nothing, and keeps serving', async () => {
    const { host, dataDir } = await startTestHost();
    const before = await snapshotFolder(dataDir);
    const huge = JSON.stringify({ name: 'Ferme', notes: 'x'.repeat(MAX_BODY_BYTES + 1) });
    // A keep-alive client, as a browser is: the refused request must not spoil the connection for the next call.
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const reply = await send(host, { path: `${CALL_PREFIX}producers.create`, headers: auth(host), body: huge, agent });
      // Straight after, as a busy screen would: no pause for the socket to be noticed closed.
      const next = await send(host, { path: `${CALL_PREFIX}app.status`, headers: auth(host), body: '{}', agent });
      expect(reply.status).toBe(413);
      expect(JSON.parse(reply.body)).toEqual({ ok: false, error: { key: 'error.tooLarge' } });
      expect(next.status).toBe(200);
      expect(await snapshotFolder(dataDir)).toEqual(before);
    } finally {
      agent.destroy();
    }
  });

  it('survives a malformed percent-encoding in the operation name', async () => {
    const { host } = await startTestHost();
    const reply = await send(host, { path: `${CALL_PREFIX}%E0%A4%A`, headers: auth(host), body: '{}' });
    expect(reply.status).toBe(400);
    const next = await send(host, { path: `${CALL_PREFIX}app.status`, headers: auth(host), body: '{}' });
    expect(JSON.parse(next.body)).toMatchObject({ ok: true, value: { state: 'ready' } });
  });

  it('sends the security headers on every answer', async () => {
    const { host } = await startTestHost();
    for (const reply of [
      await send(host, { path: `${CALL_PREFIX}app.status`, headers: auth(host), body: '{}' }),
      await send(host, { method: 'GET', path: '/' }),
    ]) {
      expect(reply.headers['content-security-policy']).toEqual(expect.any(String));
      expect(reply.headers['x-content-type-options']).toBe('nosniff');
      expect(reply.headers['cache-control']).toBe('no-store');
    }
  });
});

describe('the browser host static files', () => {
  it('serves the built renderer', async () => {
    const { host } = await startTestHost();
    const index = await send(host, { method: 'GET', path: '/' });
    expect(index.status).toBe(200);
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(index.body).toContain('<title>Cabas</title>');
    const script = await send(host, { method: 'GET', path: '/assets/app.js' });
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
  });

  it.each([
    '/../package.json',
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E/%2E%2E/secret.txt',
    '/..%2fsecret.txt',
    '/%2e%2e%2fsecret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/..%5csecret.txt',
    '//../secret.txt',
    '/%252e%252e/secret.txt',
    '/%E0%A4%A',
  ])('never serves a file outside the static folder for %s', async (path) => {
    const { host } = await startTestHost();
    const reply = await send(host, { method: 'GET', path });
    expect(reply.body).not.toContain(SECRET);
    expect([200, 404]).toContain(reply.status);
    if (reply.status === 200) expect(reply.body).toContain('<title>Cabas</title>');
  });

  it('needs the right Host header for static files too', async () => {
    const { host } = await startTestHost();
    const reply = await send(host, { method: 'GET', path: '/', headers: { host: `evil.example:${host.port}` } });
    expect(reply.status).toBe(403);
  });
});

describe('where the browser host listens', () => {
  it('gives a loopback URL and carries the token only in the fragment', async () => {
    const { host } = await startTestHost();
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/`);
    expect(host.openUrl).toBe(`http://127.0.0.1:${host.port}/#token=${host.token}`);
    expect(host.token).toMatch(/^[0-9a-f]{48}$/);
  });

  it('does not accept connections on any other address of this machine', async () => {
    const { host } = await startTestHost();
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((address) => address !== undefined && !address.internal)
      .map((address) => address!.address.split('%')[0]!);
    for (const address of [...others, '::1']) {
      const outcome = await new Promise<string>((resolve) => {
        const socket = connect({ host: address, port: host.port, timeout: 1000 });
        socket.once('connect', () => {
          socket.destroy();
          resolve('connected');
        });
        socket.once('timeout', () => {
          socket.destroy();
          resolve('timeout');
        });
        socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
      });
      expect(outcome, address).not.toBe('connected');
    }
  });

  it('uses a new token per launch', async () => {
    const { host } = await startTestHost();
    const first = host.token;
    await host.close();
    running = undefined;
    const { host: second } = await startTestHost();
    expect(second.token).not.toBe(first);
  });
});
