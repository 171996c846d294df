/**
 * This copy's identity for sync (issue 13, case 5): an Ed25519 key pair made
 * once and kept beside device.json in the data folder — never in a sync folder
 * nor in a backup (NOT_DATA), readable by this user only (0600). Every batch and
 * snapshot this copy writes is signed with it; the organiser's roster names the
 * copies by their public key, so a copy cannot claim a role or another copy's id.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { chmod, mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { tempPathFor } from '../store/atomic-write';

export const KEY_FILE = 'device-key.json';

const keyFileSchema = z.object({
  format: z.literal('cabas-device-key'),
  version: z.literal(1),
  /** Raw 32-byte public key, base64. */
  publicKey: z.string().min(1),
  /** PKCS#8 PEM. */
  privateKey: z.string().min(1),
});

export interface Identity {
  /** Raw public key, base64: what the roster and device.json carry. */
  publicKey: string;
  sign(text: string): string;
}

/** This copy's key pair, made on first use. A damaged key file is an error, never silently replaced (the roster knows the old key). */
export async function loadIdentity(dataDir: string): Promise<Identity> {
  const path = join(dataDir, KEY_FILE);
  let text: string | null = null;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  if (text === null) return identityOf(await createKeyFile(path));
  const parsed = keyFileSchema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error(`${path}: not a Cabas device key`);
  return identityOf(parsed.data);
}

function identityOf(file: z.infer<typeof keyFileSchema>): Identity {
  const privateKey = createPrivateKey(file.privateKey);
  return { publicKey: file.publicKey, sign: (text) => sign(null, Buffer.from(text, 'utf8'), privateKey).toString('base64') };
}

async function createKeyFile(path: string): Promise<z.infer<typeof keyFileSchema>> {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const file = { format: 'cabas-device-key' as const, version: 1 as const, publicKey: rawPublicKey(publicKey), privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() };
  // Written 0600 from the start (not chmod-ed after), under a temp name then renamed: never readable by others, never half written.
  await mkdir(dirname(path), { recursive: true });
  const temp = tempPathFor(path);
  const handle = await open(temp, 'wx', 0o600);
  try {
    await handle.writeFile(`${JSON.stringify(file, null, 1)}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await chmod(temp, 0o600);
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  return file;
}

function rawPublicKey(key: KeyObject): string {
  // The SPKI form of an Ed25519 key is a fixed 12-byte header followed by the 32 raw bytes.
  return key.export({ type: 'spki', format: 'der' }).subarray(-32).toString('base64');
}

const SPKI_ED25519_HEADER = Buffer.from('302a300506032b6570032100', 'hex');

/** Whether `signature` is `publicKey`'s over `text`; false for anything malformed. */
export function verifySignature(publicKey: string, text: string | Uint8Array, signature: string): boolean {
  try {
    const raw = Buffer.from(publicKey, 'base64');
    if (raw.length !== 32) return false;
    const key = createPublicKey({ key: Buffer.concat([SPKI_ED25519_HEADER, raw]), format: 'der', type: 'spki' });
    return verify(null, typeof text === 'string' ? Buffer.from(text, 'utf8') : text, key, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

/**
 * The short code shown on both screens when the organiser approves a copy: six
 * digits from a hash of the public key, read as "123 456". Comparing it by eye
 * tells the organiser the key in the folder is the one on the producer's machine.
 */
export function shortCode(publicKey: string): string {
  const digest = createHash('sha256').update(Buffer.from(publicKey, 'base64')).digest();
  const number = digest.readUInt32BE(0) % 1_000_000;
  const digits = String(number).padStart(6, '0');
  return `${digits.slice(0, 3)} ${digits.slice(3)}`;
}
