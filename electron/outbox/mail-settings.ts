/**
 * This copy's SMTP settings and password (issue 15), in `mail.json` beside
 * device-key.json: in the data folder of this machine, but not relay data
 * (NOT_DATA) — never synced, never in a backup, never restored over —
 * and readable by this user only (0600), like the copy's private key.
 */
import { open, readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { DEFAULT_MAIL_SETTINGS, mailSettingsSchema, type MailSettings, type MailSettingsPatch, type MailSettingsView } from '../../shared/outbox/mail-settings';
import { tempPathFor } from '../store/atomic-write';
import type { DoubledSending } from '../../shared/outbox/views';

export const MAIL_FILE = 'mail.json';

/**
 * The sending role as this copy last claimed it (sending-copy.ts): which relay.mailSender it wrote, and when by
 * its own clock. Kept here, on this machine, so that a sync finished after it can confirm it (the relay's field
 * itself carries no claim time other copies could agree on).
 */
const claimSchema = z.strictObject({ device: z.string(), since: z.string(), at: z.string() });
export type SendingClaim = z.infer<typeof claimSchema>;

/** Messages perhaps sent twice (sending-copy.ts sentAfterLoss): shown until the organiser dismisses them. */
const doubledSchema = z.strictObject({
  by: z.string(),
  since: z.string(),
  messages: z.array(z.strictObject({ id: z.string(), toName: z.string(), toEmail: z.string(), subject: z.string(), sentAt: z.string() })),
});

const storedSchema = mailSettingsSchema.extend({ password: z.string(), claim: claimSchema.nullable().default(null), doubled: doubledSchema.nullable().default(null) });
export type StoredMailSettings = z.infer<typeof storedSchema>;

export async function readMailSettings(dataDir: string): Promise<StoredMailSettings> {
  try {
    const parsed = storedSchema.safeParse(JSON.parse(await readFile(join(dataDir, MAIL_FILE), 'utf8')));
    // A damaged file loses only the sending settings: the outbox still prepares `.eml` files.
    return parsed.success ? parsed.data : { ...DEFAULT_MAIL_SETTINGS, password: '', claim: null, doubled: null };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || error instanceof SyntaxError) return { ...DEFAULT_MAIL_SETTINGS, password: '', claim: null, doubled: null };
    throw error;
  }
}

export function mailSettingsView({ password, claim: _claim, doubled: _doubled, ...settings }: StoredMailSettings): MailSettingsView {
  return { ...settings, hasPassword: password !== '' };
}

export function isSendingSet(settings: MailSettings): boolean {
  return settings.host !== '';
}

export async function saveMailSettings(dataDir: string, patch: MailSettingsPatch): Promise<StoredMailSettings> {
  return write(dataDir, storedSchema.parse({ ...(await readMailSettings(dataDir)), ...patch }));
}

export async function saveSendingClaim(dataDir: string, claim: SendingClaim): Promise<void> {
  await write(dataDir, { ...(await readMailSettings(dataDir)), claim });
}

/**
 * This copy learnt it lost the sending role: its claim is spent (looked at once), and what it sent after the
 * other copy's claim joins the notice (`doubled`, null: nothing to add).
 */
export async function saveRoleLost(dataDir: string, doubled: DoubledSending | null): Promise<void> {
  const current = await readMailSettings(dataDir);
  const earlier = current.doubled?.messages.filter((message) => !doubled?.messages.some((added) => added.id === message.id)) ?? [];
  // A notice not yet dismissed keeps its messages: the organiser has not seen them yet.
  const next = doubled ? { ...doubled, messages: [...earlier, ...doubled.messages] } : current.doubled;
  await write(dataDir, { ...current, claim: null, doubled: next });
}

export async function dismissDoubled(dataDir: string): Promise<void> {
  await write(dataDir, { ...(await readMailSettings(dataDir)), doubled: null });
}

async function write(dataDir: string, next: StoredMailSettings): Promise<StoredMailSettings> {
  const path = join(dataDir, MAIL_FILE);
  const temp = tempPathFor(path);
  // Created 0600 from the start: the password is never readable by others, not even for an instant.
  const handle = await open(temp, 'w', 0o600);
  try {
    await handle.writeFile(JSON.stringify(next, null, 2), 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temp, path);
  return next;
}
