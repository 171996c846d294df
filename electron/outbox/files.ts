/**
 * The outbox's `.eml` files (issue 15), one per message, in
 * `messages/<pickup day>/` of the data folder: ready to open in any mail
 * program and send from there. Not relay data (NOT_DATA): they are rebuilt
 * from the outbox whenever asked, so they are neither synced nor backed up.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { OutboxMessage } from '../../shared/model/outbox';
import { fileSafe } from '../../shared/text/normalise';
import { writeFileAtomic } from '../store/atomic-write';
import { buildEml, type Sender } from './eml';

export const MESSAGES_DIR = 'messages';

/** Shows a folder in the system's file manager (Electron's shell); the browser host has none and shows the path. */
export type FolderOpener = (folder: string) => Promise<void>;

export function messagesFolder(dataDir: string, pickupDate: string): string {
  return join(dataDir, MESSAGES_DIR, pickupDate);
}

/** The recipient and kind in the name, so the folder reads as a list; the id's start keeps two namesakes apart. */
export function emlFileName(message: OutboxMessage): string {
  return `${message.kind}-${fileSafe(message.toName)}-${message.id.slice(0, 8)}.eml`;
}

export async function writeEmlFiles(dataDir: string, pickupDate: string, messages: readonly OutboxMessage[], sender: Sender): Promise<string[]> {
  const folder = messagesFolder(dataDir, pickupDate);
  await mkdir(folder, { recursive: true });
  const written: string[] = [];
  for (const message of messages) {
    const path = join(folder, emlFileName(message));
    // MailComposer's output is 7-bit (encoded words, quoted-printable, base64); written whole or not at all.
    await writeFileAtomic(path, (await buildEml(message, sender, { draft: true })).toString('utf8'));
    written.push(path);
  }
  return written;
}
