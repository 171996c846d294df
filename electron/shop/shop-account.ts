/**
 * The relay's CouchDB address and admin account (issue 16), kept on this
 * machine only: never in the data folder, which is synced to other copies
 * and may sit in a shared folder. One small JSON file in the machine folder,
 * written with mode 0600 (readable by the user only); in Electron the
 * password inside it is sealed with safeStorage (the system keychain), in the
 * browser host it is the file's mode that keeps it private.
 */
import { mkdir, readFile, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { SHOP_DATABASE } from '../../shared/shop/documents';
import { writeFileAtomic } from '../store/atomic-write';
import { queued } from '../store/file-queue';
import type { CouchAccount } from './couch-client';

/** How the password is kept in the file: Electron's safeStorage, or as it is (the file's mode keeps it). */
export interface SecretSeal {
  readonly kind: string;
  seal(secret: string): string;
  open(sealed: string): string;
}

export const PLAIN_SEAL: SecretSeal = { kind: 'plain', seal: (secret) => secret, open: (sealed) => sealed };

/** The admin account, where the member page is served, and the key the members' secrets derive from: the server's (link-key.ts), '' until agreed. */
export interface ShopAccount extends CouchAccount {
  pageUrl: string;
  linkKey: string;
  /** Members whose access was created on this server with this link key: their bag slips carry the link as a QR code. */
  granted: string[];
  /** This relay's shop database on the server. */
  database: string;
  /** The network's key on this server (producer-access.ts), kept once a producer's access was made here: a mailed access is filled in from it. */
  networkKey?: string;
}

/** What a change makes of the account: a new one, `null` to forget it, `undefined` to leave the file as it is. */
export type AccountChange = (current: ShopAccount | null) => ShopAccount | null | undefined;

export interface ShopAccountStore {
  read(): Promise<ShopAccount | null>;
  save(account: ShopAccount | null): Promise<void>;
  /** Reads, changes and writes in the file's one queue: a member link and a producer access made at once both stay. */
  update(change: AccountChange): Promise<void>;
}

/*
 * Every write of one account file in one queue (file-queue.ts), `update`'s read included: the shop
 * service (members' links) and the network service (its key) each rewrite the whole file. Keyed by the
 * file's path, so that two stores opened on it share the queue.
 */
function queuedStore(key: unknown, read: () => Promise<ShopAccount | null>, write: (account: ShopAccount | null) => Promise<void>): ShopAccountStore {
  return {
    read,
    save: (account) => queued(key, () => write(account)),
    update: (change) => queued(key, async () => {
      const changed = change(await read());
      if (changed !== undefined) await write(changed);
    }),
  };
}

const fileSchema = z.object({ url: z.string(), username: z.string(), password: z.string(), pageUrl: z.string(), linkKey: z.string(), seal: z.string(), granted: z.array(z.string()).default([]), database: z.string().optional(), networkKey: z.string().optional() });

export const SHOP_ACCOUNT_FILE = 'shop-account.json';

export function shopAccountFile(dir: string, seal: SecretSeal = PLAIN_SEAL): ShopAccountStore {
  const path = join(dir, SHOP_ACCOUNT_FILE);
  const read = async (): Promise<ShopAccount | null> => {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    const parsed = fileSchema.safeParse(JSON.parse(text));
    // A file sealed by another means (copied from another machine) cannot be opened here: as if none.
    if (!parsed.success || parsed.data.seal !== seal.kind) return null;
    const { url, username, password, pageUrl, linkKey, granted, database, networkKey } = parsed.data;
    // Saved before relay networks: the relay keeps the shop it published to, and its members' links still open it.
    return { url, username, pageUrl, password: seal.open(password), linkKey: seal.open(linkKey), granted, database: database ?? SHOP_DATABASE, ...(networkKey !== undefined && { networkKey: seal.open(networkKey) }) };
  };
  const write = async (account: ShopAccount | null): Promise<void> => {
    if (!account) {
      await rm(path, { force: true });
      return;
    }
    await mkdir(dirname(path), { recursive: true, mode: 0o700 });
    // Created 0600 from the start (never a moment where another user could read it), fsynced and renamed in place.
    await writeFileAtomic(path, JSON.stringify({
      url: account.url, username: account.username, pageUrl: account.pageUrl, database: account.database,
      password: seal.seal(account.password), linkKey: seal.seal(account.linkKey), seal: seal.kind, granted: account.granted,
      ...(account.networkKey !== undefined && { networkKey: seal.seal(account.networkKey) }),
    }));
  };
  return queuedStore(path, read, write);
}

/** For tests and for a backend opened without a machine folder: kept in memory, gone at close. */
export function memoryShopAccount(): ShopAccountStore {
  let kept: ShopAccount | null = null;
  return queuedStore(Symbol('memory account'), async () => kept, async (account) => void (kept = account));
}
