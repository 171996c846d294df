/** What the outbox screen shows (issue 15): the contract's result types for the outbox. */
import type { OutboxMessage } from '../model/outbox';

/** Whether the last look at the mail server found it (electron/outbox/outbox.ts). */
export type OutboxConnection = { state: 'notSet' } | { state: 'online'; at: string } | { state: 'offline'; at: string; reason: string };

export interface OutboxListedMessage extends OutboxMessage {
  /** The distribution's pickup day, to group and name the messages. */
  pickupDate: string;
}

export interface OutboxView {
  messages: OutboxListedMessage[];
  connection: OutboxConnection;
  /** An SMTP server is set on this copy: prepared messages are sent by themselves. */
  sendingSet: boolean;
}
