/**
 * What each recipient was told, and what still waits unsent for them (issue 15).
 * When an order or a whole distribution is cancelled before its confirmation or
 * order sheet left, sending the message and then its cancellation would only
 * confuse: the waiting message is withdrawn instead (shown in the outbox with
 * why), and the recipient gets only what they need.
 *
 * "Never left" is something only the copy that sends the e-mails can know, for
 * the messages that were its own to send (sending-copy.ts). Anywhere else — no
 * mail server set, the `.eml` files sent by hand from a mail program, another
 * copy sending — a prepared message may have gone, and counts as told: the
 * recipient then gets the cancellation beside it, as before.
 */
import type { OutboxMessage, WithdrawnReason } from '../../shared/model/outbox';
import { canWithdraw, withdrawn } from '../../shared/outbox/state';
import type { Store, Transaction } from '../store/store';
import { readRelay } from '../services/relay';
import { latestByRecipient, recipientKey } from './updates';

type Source = Store | Transaction;

const isClosing = (message: OutboxMessage) => message.kind === 'producerOrder' || message.kind === 'memberConfirmation';

/**
 * This copy sends the e-mails, the message was its own to send (prepared or put back since it became the
 * sending copy), it has an address (one without may have been printed and handed over), and no attempt got through.
 */
export function neverLeft(source: Source, deviceId: string, message: OutboxMessage): boolean {
  if (!canWithdraw(message) || message.toEmail === '') return false;
  const sender = readRelay(source).mailSender;
  return sender !== null && sender.device === deviceId && message.updatedAt >= sender.since;
}

export interface Told {
  /** Each recipient's latest closing message that may have reached them. */
  told: Map<string, OutboxMessage>;
  /** Each recipient's closing messages known never to have left, oldest first. */
  unsent: Map<string, OutboxMessage[]>;
}

export function toldOf(source: Source, deviceId: string, messages: readonly OutboxMessage[]): Told {
  const unsent = new Map<string, OutboxMessage[]>();
  const mayHaveGone: OutboxMessage[] = [];
  for (const message of messages) {
    if (!isClosing(message) || message.status === 'withdrawn') continue;
    if (neverLeft(source, deviceId, message)) unsent.set(recipientKey(message), [...(unsent.get(recipientKey(message)) ?? []), message]);
    else mayHaveGone.push(message);
  }
  for (const waiting of unsent.values()) waiting.sort((a, b) => a.preparedAt.localeCompare(b.preparedAt));
  return { told: latestByRecipient(mayHaveGone), unsent };
}

export function withdrawAll(tx: Transaction, messages: readonly OutboxMessage[], reason: WithdrawnReason, now: Date): void {
  for (const message of messages) tx.put('outboxMessage', withdrawn(message, reason, now));
}
