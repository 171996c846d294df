/**
 * How this copy sends e-mail (issue 15): an SMTP server, optional. Kept on this
 * machine only (electron/outbox/mail-settings.ts), never in the relay's synced
 * data: the password stays on the laptop it was typed on, and only a copy with
 * a server set sends, so two organisers' laptops never both send the outbox.
 */
import { z } from 'zod';
import { optionalEmail } from '../model/fields';

export const mailSettingsSchema = z.strictObject({
  /** Empty: no server; messages wait as `.eml` files to send from a mail program. */
  host: z.string().trim().max(253),
  port: z.number({ message: 'validation.number' }).int({ message: 'validation.integer' }).min(1, { message: 'validation.min' }).max(65_535, { message: 'validation.max' }),
  /** TLS from the first byte (usually port 465); otherwise STARTTLS when the server offers it. */
  secure: z.boolean(),
  user: z.string().trim().max(320),
  /** The relay's sending address (From). */
  fromAddress: optionalEmail,
});
export type MailSettings = z.infer<typeof mailSettingsSchema>;

export const DEFAULT_MAIL_SETTINGS: MailSettings = { host: '', port: 587, secure: false, user: '', fromAddress: '' };

/** The settings as the screen sees them: whether a password is kept, never the password itself. */
export interface MailSettingsView extends MailSettings {
  hasPassword: boolean;
}

/** The screen's save: `password` left out keeps the one stored, '' removes it. */
export const mailSettingsPatchSchema = mailSettingsSchema.partial().extend({ password: z.string().max(500).optional() });
export type MailSettingsPatch = z.infer<typeof mailSettingsPatchSchema>;
