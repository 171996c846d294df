/**
 * The outbox's never-twice state machine (issue 15), pure so it is tested
 * without a store or a mail server:
 *
 *   prepared ──claim──▶ sending ──sent──▶ sent
 *      ▲                   │ └──failed──▶ failed ──(backoff due) claim──▶ sending
 *      │                   └──crash (found at open)──▶ unknown
 *      └──────── retry (the organiser) ── failed | unknown
 *   prepared | failed | unknown ──discard──▶ discarded
 *   prepared | failed ──withdraw (what it says no longer holds, and it never left)──▶ withdrawn
 *
 * `claim` is committed to disk before the server is asked: a message is never
 * sent without a trace, and one whose outcome was lost is never resent by itself.
 */
import type { OutboxMessage, WithdrawnReason } from '../model/outbox';

/** Automatic tries before the message waits for the organiser. */
export const MAX_ATTEMPTS = 5;
const BASE_DELAY_MS = 60_000;
const MAX_DELAY_MS = 3_600_000;

/** 1 min, 2, 4, 8…, at most an hour: a server down for the evening is not hammered. */
export function backoffMs(attempts: number): number {
  return Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, attempts - 1));
}

/** Whether the sender may start an attempt now: prepared, or failed with its wait over and tries left. */
export function isDue(message: OutboxMessage, now: Date): boolean {
  if (message.toEmail === '') return false;
  if (message.status === 'prepared') return true;
  return message.status === 'failed' && message.tries < MAX_ATTEMPTS && message.nextTryAt !== null && Date.parse(message.nextTryAt) <= now.getTime();
}

export function claimed(message: OutboxMessage, now: Date): OutboxMessage {
  const at = now.toISOString();
  return { ...message, status: 'sending', attempts: message.attempts + 1, tries: message.tries + 1, attemptAt: at, nextTryAt: null, updatedAt: at };
}

export function sent(message: OutboxMessage, now: Date): OutboxMessage {
  const at = now.toISOString();
  return { ...message, status: 'sent', sentAt: at, lastError: '', updatedAt: at };
}

/** `permanent`: the server refused the message itself (a 5xx): trying again would only fail again. */
export function failed(message: OutboxMessage, reason: string, permanent: boolean, now: Date): OutboxMessage {
  const retry = !permanent && message.tries < MAX_ATTEMPTS;
  const nextTryAt = retry ? new Date(now.getTime() + backoffMs(message.tries)).toISOString() : null;
  return { ...message, status: 'failed', lastError: reason.slice(0, 2000), nextTryAt, updatedAt: now.toISOString() };
}

/**
 * Before an attempt: the attempts log (outside the data files) knows of more attempts than the
 * record — the data were restored from a backup, or the record's write was lost. The message
 * may have gone: it waits for the organiser.
 */
export function behindLog(message: OutboxMessage, loggedAttempts: number): boolean {
  return loggedAttempts > message.attempts;
}

export function unknownOutcome(message: OutboxMessage, now: Date): OutboxMessage {
  return { ...message, status: 'unknown', nextTryAt: null, updatedAt: now.toISOString() };
}

/** At open: an attempt that was under way when the app stopped may have reached the server. */
export function recovered(message: OutboxMessage, now: Date): OutboxMessage {
  return message.status === 'sending' ? unknownOutcome(message, now) : message;
}

/** The organiser's decision to send again: the tries start over. */
export function canRetry(message: Pick<OutboxMessage, 'status'>): boolean {
  return message.status === 'failed' || message.status === 'unknown' || message.status === 'discarded';
}

export function retried(message: OutboxMessage, now: Date): OutboxMessage {
  return { ...message, status: 'prepared', tries: 0, nextTryAt: null, lastError: '', updatedAt: now.toISOString() };
}

/** A message under way or gone cannot be discarded: the outbox must keep saying what went out. */
export function canDiscard(message: Pick<OutboxMessage, 'status'>): boolean {
  return message.status === 'prepared' || message.status === 'failed' || message.status === 'unknown';
}

export function discarded(message: OutboxMessage, now: Date): OutboxMessage {
  return { ...message, status: 'discarded', nextTryAt: null, updatedAt: now.toISOString() };
}

/** Never tried, or refused by the server: the recipient has not read it (a message under way, sent or unknown may have gone). */
export function canWithdraw(message: Pick<OutboxMessage, 'status'>): boolean {
  return message.status === 'prepared' || message.status === 'failed';
}

/** Taken back before it left: kept in the outbox with its reason, never sent, never offered again. */
export function withdrawn(message: OutboxMessage, reason: WithdrawnReason, now: Date): OutboxMessage {
  return { ...message, status: 'withdrawn', withdrawnFor: reason, nextTryAt: null, updatedAt: now.toISOString() };
}
