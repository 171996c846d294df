/** What the outbox screen shows (issue 15): the contract's result types for the outbox. */
import type { OutboxAttachment, OutboxMessage } from '../model/outbox';

/** Whether the last look at the mail server found it (electron/outbox/outbox.ts). */
export type OutboxConnection =
  | { state: 'notSet' }
  | { state: 'online'; at: string }
  | { state: 'offline'; at: string; reason: string }
  /** A mail server is set here, but another organiser's copy is the one that sends (electron/outbox/sending-copy.ts). */
  | { state: 'otherCopy' }
  /** This copy took the sending role and sends once a sync with the team folder has kept its claim (sending-copy.ts). */
  | { state: 'awaitingRole' };

/**
 * Two copies sent the relay's e-mails at once (electron/outbox/sending-copy.ts): this copy learnt at a sync that
 * another one (`by`, its device id) had taken the sending role at `since`, and it had sent `messages` from then on.
 * Each may have gone twice. Kept on this machine until the organiser dismisses it.
 */
export interface DoubledSending {
  by: string;
  since: string;
  messages: { id: string; toName: string; toEmail: string; subject: string; sentAt: string }[];
}

/** Which copy sends the e-mails: this one, another organiser's copy, or none yet. */
export type SendingCopy = 'here' | 'elsewhere' | 'none';

/**
 * A message as the list shows it: without its text and attachments' contents, so the
 * list of years of messages stays small; the preview asks for the whole message.
 */
export interface OutboxListedMessage extends Omit<OutboxMessage, 'text' | 'attachments'> {
  attachments: Omit<OutboxAttachment, 'content'>[];
  /** The distribution's pickup day, to group and name the messages. */
  pickupDate: string;
}

/** Rows of the list per page, as every long list (renderer/src/forms/use-page.ts). */
export const OUTBOX_PAGE_SIZE = 50;

export interface OutboxView {
  /** One page of the messages, newest distribution first. */
  messages: OutboxListedMessage[];
  /** 0-based index of the page's first message among all of them, and how many there are. */
  start: number;
  total: number;
  pageSize: number;
  connection: OutboxConnection;
  /** A round is under way (the one after the app opened, or one just asked for): what the screen shows may change in a moment. */
  working: boolean;
  /** An SMTP server is set on this copy: prepared messages are sent by themselves. */
  sendingSet: boolean;
  sendingCopy: SendingCopy;
  /** Sending moved here: messages prepared here before, still waiting, perhaps never sent by the old copy (sending-copy.ts). */
  waitingFromBefore: number;
  /** Messages sent from here after another copy had taken the sending role: perhaps sent twice (until dismissed). */
  doubled: DoubledSending | null;
}
