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
  /** Every message, newest distribution first; `distributionId` narrows to one. */
  'outbox.list': operation<OutboxView>()(z.strictObject({ distributionId: id.optional() }), { mutates: false }),
  /** One message whole, for its preview and print. */
  'outbox.get': operation<OutboxMessage>()(z.strictObject({ id }), { mutates: false }),
  /** The organiser sends again a failed message, or one whose outcome is unknown (after checking it did not arrive). */
  'outbox.retry': operation<OutboxMessage>()(z.strictObject({ id }), { mutates: true }),
  /** The message will not be sent (it stays listed, as discarded). */
  'outbox.discard': operation<OutboxMessage>()(z.strictObject({ id }), { mutates: true }),
  /** Prepares and sends what is due now, without waiting for the next minute. */
  'outbox.sendNow': operation<OutboxView>()(z.strictObject({}), { mutates: true }),
  /** Writes the distribution's `.eml` files again and opens their folder where the system can (`opened`); the path is returned either way. */
  'outbox.exportFiles': operation<{ folder: string; files: string[]; opened: boolean }>()(z.strictObject({ distributionId: id }), { mutates: false }),
  'mail.settings': operation<MailSettingsView>()(z.strictObject({}), { mutates: false }),
  /** Machine settings, not relay data (electron/outbox/mail-settings.ts): saved even while the data are in recovery or read-only. */
  'mail.saveSettings': operation<MailSettingsView>()(mailSettingsPatchSchema, { mutates: false }),
} as const;
