/**
 * The outbox part of the one contract (issue 15): the messages prepared when
 * ordering closes, this copy's SMTP settings, spread into `contract` in operations.ts.
 */
import { z } from 'zod';
import { id } from '../model/fields';
import type { OutboxMessage } from '../model/outbox';
import { mailSettingsPatchSchema, type MailSettingsView } from '../outbox/mail-settings';
import type { OutboxView } from '../outbox/views';
import { operation } from './define';

export const outboxOperations = {
  /**
   * One page of the messages (50), newest distribution first; `distributionId` narrows to one. A page past
   * the end gives the last one (the list shrank), so `start` says which rows came.
   */
  'outbox.list': operation<OutboxView>()(z.strictObject({ distributionId: id.optional(), page: z.number().int().min(0).max(1_000_000).optional() }), { mutates: false }),
  /** One message whole, for its preview and print. */
  'outbox.get': operation<OutboxMessage>()(z.strictObject({ id }), { mutates: false }),
  /** The organiser sends again a failed message, or one whose outcome is unknown (after checking it did not arrive). */
  'outbox.retry': operation<OutboxMessage>()(z.strictObject({ id }), { mutates: true }),
  /** The message will not be sent (it stays listed, as discarded). */
  'outbox.discard': operation<OutboxMessage>()(z.strictObject({ id }), { mutates: true }),
  /** Prepares and sends what is due now, without waiting for the next minute; gives the list's `page` after it. */
  'outbox.sendNow': operation<OutboxView>()(z.strictObject({ page: z.number().int().min(0).max(1_000_000).optional() }), { mutates: true }),
  /** Writes the distribution's `.eml` files again and opens their folder where the system can (`opened`); the path is returned either way. */
  'outbox.exportFiles': operation<{ folder: string; files: string[]; opened: boolean }>()(z.strictObject({ distributionId: id }), { mutates: false }),
  /** This copy sends the e-mails from now on, instead of the organiser's copy that did (what it prepares from now). */
  'mail.sendFromHere': operation<OutboxView>()(z.strictObject({ page: z.number().int().min(0).max(1_000_000).optional() }), { mutates: true }),
  /** After the sending moved here: sends also what this copy prepared before and the old copy may never have sent (the organiser knows; the outbox does not sync). */
  'mail.sendWaitingHere': operation<OutboxView>()(z.strictObject({ page: z.number().int().min(0).max(1_000_000).optional() }), { mutates: true }),
  /** The organiser has seen the messages this copy sent after another copy had taken the sending role (perhaps sent twice): the notice goes. Machine-local, like the mail settings. */
  'mail.dismissDoubled': operation<OutboxView>()(z.strictObject({ page: z.number().int().min(0).max(1_000_000).optional() }), { mutates: false }),
  'mail.settings': operation<MailSettingsView>()(z.strictObject({}), { mutates: false }),
  /** Machine settings, not relay data (electron/outbox/mail-settings.ts): saved even while the data are in recovery or read-only. */
  'mail.saveSettings': operation<MailSettingsView>()(mailSettingsPatchSchema, { mutates: false }),
} as const;
