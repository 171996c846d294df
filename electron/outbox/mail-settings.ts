/**
 * This copy's SMTP settings and password (issue 15), in `mail.json` beside
 * device-key.json: in the data folder of this machine, but not relay data
 * (NOT_DATA) — never synced, never in a backup, never restored over —
 * and readable by this user only (0600), like the copy's private key.
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { DEFAULT_MAIL_SETTINGS, mailSettingsSchema, type MailSettings, type MailSettingsPatch, type MailSettingsView } from '../../shared/outbox/mail-settings';
import { UserError } from '../../shared/contract/errors';
import { writeFileAtomic } from '../store/atomic-write';
import { queued } from '../store/file-queue';
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

/** A From address is required with a server: without it, a server refuses the messages or marks them as spam. */
export async function saveMailSettings(dataDir: string, patch: MailSettingsPatch): Promise<StoredMailSettings> {
  // Checked on the file as the queue hands it over, not on an earlier read another save may have changed since.
  return update(dataDir, (current) => {
    const next = storedSchema.parse({ ...current, ...patch });
    if (isSendingSet(next) && next.fromAddress === '') throw new UserError('error.invalidInput', undefined, [{ path: 'fromAddress', key: 'validation.required' }]);
    return next;
  });
}

export async function saveSendingClaim(dataDir: string, claim: SendingClaim): Promise<void> {
  await update(dataDir, (current) => ({ ...current, claim }));
}

/**
 * This copy learnt it lost the sending role: its claim is spent (looked at once), and what it sent after the
 * other copy's claim joins the notice. `lostSince` tells, from the claim as the queue hands it over, what was
 * lost: null, the role was not lost (nothing is written); no messages, nothing to add to the notice.
 */
export async function saveRoleLost(dataDir: string, lostSince: (claim: SendingClaim | null) => DoubledSending | null): Promise<void> {
  await update(dataDir, (current) => {
    const lost = lostSince(current.claim);
    if (lost === null) return undefined;
    if (lost.messages.length === 0) return { ...current, claim: null };
    const earlier = current.doubled?.messages.filter((message) => !lost.messages.some((added) => added.id === message.id)) ?? [];
    // A notice not yet dismissed keeps its messages: the organiser has not seen them yet.
    return { ...current, claim: null, doubled: { ...lost, messages: [...earlier, ...lost.messages] } };
  });
}

export async function dismissDoubled(dataDir: string): Promise<void> {
  await update(dataDir, (current) => ({ ...current, doubled: null }));
}

/**
 * Every write of mail.json in the file's one queue (file-queue.ts), each reading the file as the write before
 * it left it: a settings save, the sending claim and the doubled-sending notice each rewrite the whole file,
 * and two read-then-write at once would lose one of them. `change` returns undefined to leave the file as it is;
 * the settings as they then stand are returned.
 */
function update(dataDir: string, change: (current: StoredMailSettings) => StoredMailSettings | undefined): Promise<StoredMailSettings> {
  const path = resolve(dataDir, MAIL_FILE);
  return queued(path, async () => {
    const current = await readMailSettings(dataDir);
    const next = change(current);
    if (next === undefined) return current;
    // writeFileAtomic creates it 0600 from the start: the password is never readable by others, not even for an instant.
    await writeFileAtomic(path, JSON.stringify(next, null, 2));
    return next;
  });
}
