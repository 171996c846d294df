/**
 * A message in the outbox (issue 15): a producer's order sheet or a member's
 * confirmation, prepared when ordering closes, or a reminder before it closes.
 * The message is kept as written (subject, text, attachments), so the `.eml`
 * file, the preview, the print and the SMTP send all carry the same words.
 *
 * Its status is the never-twice state machine of shared/outbox/state.ts:
 * `sending` is written (on disk) before the mail server is asked, so a message
 * found `sending` after a crash may or may not have gone: it becomes `unknown`
 * and waits for the organiser, never resent by itself.
 */
import { z } from 'zod';
import { id, instant } from './fields';

/** `memberLink`: a member's personal online-ordering link (issue 16), its secret filled in only as it leaves (shared/shop/link-message.ts). */
/** `producerAccess`: a producer's own account on the network's server (issue 16), its password filled in only as it leaves (shared/shop/access-message.ts). */
export const OUTBOX_KINDS = ['producerOrder', 'memberConfirmation', 'reminder', 'memberLink', 'producerAccess'] as const;
export type OutboxKind = (typeof OUTBOX_KINDS)[number];

/** `withdrawn`: taken back by the app before it ever left, because what it said no longer holds (withdrawnFor says why). */
export const OUTBOX_STATUSES = ['prepared', 'sending', 'sent', 'failed', 'unknown', 'discarded', 'withdrawn'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/**
 * Why an unsent message was withdrawn: the member's order (or everything the producer had to bring) was
 * cancelled, a newer message replaces it, the whole distribution was cancelled, or it was restored before
 * the notice of its cancellation left.
 */
export const WITHDRAWN_REASONS = ['orderCancelled', 'replaced', 'distributionCancelled', 'distributionRestored'] as const;
export type WithdrawnReason = (typeof WITHDRAWN_REASONS)[number];

export const outboxAttachmentSchema = z.strictObject({
  fileName: z.string().min(1).max(200),
  contentType: z.string().min(1).max(100),
  /** The file's text (the delivery sheet as CSV), or its bytes in base64 (the same sheet as PDF). */
  content: z.string().max(2_000_000),
  /** How `content` holds the file; absent = UTF-8 text, as messages prepared before the PDF were. */
  encoding: z.enum(['base64']).optional(),
});
export type OutboxAttachment = z.infer<typeof outboxAttachmentSchema>;

export const outboxMessageSchema = z.strictObject({
  id,
  distributionId: id,
  kind: z.enum(OUTBOX_KINDS),
  /** The producer's or member's id. */
  recipientId: id,
  toName: z.string().max(200),
  /** Empty when the recipient has no e-mail address: the message can still be printed or exported. */
  toEmail: z.string().max(320),
  subject: z.string().min(1).max(500),
  text: z.string().max(200_000),
  attachments: z.array(outboxAttachmentSchema).max(10),
  status: z.enum(OUTBOX_STATUSES),
  /** Sending attempts ever started (each written before the server is asked); never goes back, so the attempts log can be checked against it. */
  attempts: z.number().int().min(0),
  /** Attempts since it was prepared or the organiser last asked to retry: what the backoff and the automatic limit count. */
  tries: z.number().int().min(0),
  /** The last failure, as the mail server or the network said it. */
  lastError: z.string().max(2000),
  /** A failed message is tried again from then (backoff); null = not waiting. */
  nextTryAt: instant.nullable(),
  /** When the last attempt started. */
  attemptAt: instant.nullable(),
  sentAt: instant.nullable(),
  withdrawnFor: z.enum(WITHDRAWN_REASONS).optional(),
  /** Characters of the attached PDF its font has no glyph for (CJK, emoji): printed as empty boxes, shown beside the message. */
  missingGlyphs: z.array(z.string().max(8)).max(100).optional(),
  /** Written when ordering closed again after a reopening: replaces the earlier message to the same recipient, which said something else. */
  update: z.boolean().optional(),
  /** The words as composed (text and text attachments), before any update mark: a later closing writes again only when they differ. */
  fingerprint: z.string().max(100).optional(),
  preparedAt: instant,
  updatedAt: instant,
});
export type OutboxMessage = z.infer<typeof outboxMessageSchema>;

/** What composing a message gives, before it has a place in the outbox. */
export interface MessageDraft {
  kind: OutboxKind;
  recipientId: string;
  toName: string;
  toEmail: string;
  subject: string;
  text: string;
  attachments: OutboxAttachment[];
  update?: boolean;
  missingGlyphs?: string[];
}
