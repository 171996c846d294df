/**
 * The relay's CouchDB address and admin account (issue 16), kept on this
 * machine only: never in the data folder, which is synced to other copies
 * and may sit in a shared folder. One small JSON file in the machine folder,
 * written with mode 0600 (readable by the user only); in Electron the
 * password inside it is sealed with safeStorage (the system keychain), in the
 * browser host it is the file's mode that keeps it private.
 */
import { chmod, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { SHOP_DATABASE } from '../../shared/shop/documents';
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

export interface ShopAccountStore {
  read(): Promise<ShopAccount | null>;
  save(account: ShopAccount | null): Promise<void>;
}

const fileSchema = z.object({ url: z.string(), username: z.string(), password: z.string(), pageUrl: z.string(), linkKey: z.string(), seal: z.string(), granted: z.array(z.string()).default([]), database: z.string().optional(), networkKey: z.string().optional() });

export const SHOP_ACCOUNT_FILE = 'shop-account.json';

export function shopAccountFile(dir: string, seal: SecretSeal = PLAIN_SEAL): ShopAccountStore {
  const path = join(dir, SHOP_ACCOUNT_FILE);
  return {
    async read() {
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
    },
    async save(account) {
      if (!account) {
        await rm(path, { force: true });
        return;
      }
      await mkdir(dirname(path), { recursive: true, mode: 0o700 });
      const temp = `${path}.tmp`;
      // Created 0600 from the start: never a moment where another user could read it.
      await writeFile(temp, JSON.stringify({
        url: account.url, username: account.username, pageUrl: account.pageUrl, database: account.database,
        password: seal.seal(account.password), linkKey: seal.seal(account.linkKey), seal: seal.kind, granted: account.granted,
        ...(account.networkKey !== undefined && { networkKey: seal.seal(account.networkKey) }),
      }), { mode: 0o600 });
      await chmod(temp, 0o600);
      await rename(temp, path);
    },
  };
}

/** For tests and for a backend opened without a machine folder: kept in memory, gone at close. */
export function memoryShopAccount(): ShopAccountStore {
  let kept: ShopAccount | null = null;
  return {
    read: async () => kept,
    save: async (account) => void (kept = account),
  };
}
