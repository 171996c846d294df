/** What the outbox screen shows (issue 15): the contract's result types for the outbox. */
import type { OutboxAttachment, OutboxMessage } from '../model/outbox';

/** Whether the last look at the mail server found it (electron/outbox/outbox.ts). */
export type OutboxConnection = { state: 'notSet' } | { state: 'online'; at: string } | { state: 'offline'; at: string; reason: string };

/**
 * A message as the list shows it: without its text and attachments' contents, so the
 * list of years of messages stays small; the preview asks for the whole message.
 */
export interface OutboxListedMessage extends Omit<OutboxMessage, 'text' | 'attachments'> {
  attachments: Omit<OutboxAttachment, 'content'>[];
  /** The distribution's pickup day, to group and name the messages. */
  pickupDate: string;
}

export interface OutboxView {
  messages: OutboxListedMessage[];
  connection: OutboxConnection;
  /** An SMTP server is set on this copy: prepared messages are sent by themselves. */
  sendingSet: boolean;
}
