/**
 * Reading a file with its SHA-256 on a worker thread, for the backups (backup-copies.ts). At
 * five years a daily backup hashes ~230 MB (every data file, and the earlier copy of each it
 * links): on the main thread the backup took ~0.25 s of its CPU, two thirds of it hashing, in
 * slices of a file each, and a change made meanwhile waited for them (issue 11). WebCrypto's digest runs in libuv's thread pool but first
 * copies the bytes on the main thread, which costs as much as SHA-256 itself (measured: 100 MB
 * copied 66 ms, hashed 64 ms): here the worker reads and hashes, and hands the bytes over
 * without a copy (a transferred ArrayBuffer).
 *
 * The hash is node:crypto's SHA-256 in lowercase hex, as every backup.json holds it: backups
 * taken before are still recognised. The worker's source is inline so that it runs the same in
 * Electron, the bundled app, tsx and vitest, with no file of its own to ship.
 */
import { Worker } from 'node:worker_threads';

const WORKER = `
const { parentPort } = require('node:worker_threads');
const { readFileSync } = require('node:fs');
const { createHash } = require('node:crypto');
parentPort.on('message', ({ id, path }) => {
  try {
    const read = readFileSync(path);
    const hash = createHash('sha256').update(read).digest('hex');
    // Only a buffer that owns its whole memory can be handed over (a small one may sit in a shared pool).
    const bytes = read.byteOffset === 0 && read.byteLength === read.buffer.byteLength ? read : new Uint8Array(read);
    parentPort.postMessage({ id, hash, bytes }, [bytes.buffer]);
  } catch (error) {
    parentPort.postMessage({ id, error: { message: error.message, code: error.code } });
  }
});
`;

export interface HashedFile {
  bytes: Buffer;
  /** SHA-256 of `bytes`, lowercase hex. */
  hash: string;
}

type Reply = { id: number; hash: string; bytes: Uint8Array } | { id: number; error: { message: string; code?: string } };

/** Runs `work` with a reader whose files are read and hashed on one worker thread, ended when `work` ends. */
export async function withHashedReads<T>(work: (read: (path: string) => Promise<HashedFile>) => Promise<T>): Promise<T> {
  const worker = new Worker(WORKER, { eval: true });
  const waiting = new Map<number, { resolve: (file: HashedFile) => void; reject: (error: Error) => void }>();
  const failAll = (error: Error) => {
    for (const { reject } of waiting.values()) reject(error);
    waiting.clear();
  };
  worker.on('message', (reply: Reply) => {
    const pending = waiting.get(reply.id);
    waiting.delete(reply.id);
    if ('error' in reply) pending?.reject(Object.assign(new Error(reply.error.message), { code: reply.error.code }));
    else pending?.resolve({ hash: reply.hash, bytes: Buffer.from(reply.bytes.buffer, reply.bytes.byteOffset, reply.bytes.byteLength) });
  });
  worker.on('error', failAll);
  worker.on('exit', (code) => failAll(new Error(`the backup's hashing thread stopped (exit code ${code})`)));
  let next = 0;
  const read = (path: string) =>
    new Promise<HashedFile>((resolve, reject) => {
      const id = next++;
      waiting.set(id, { resolve, reject });
      worker.postMessage({ id, path });
    });
  try {
    return await work(read);
  } finally {
    await worker.terminate();
  }
}
