/**
 * An outbox message as an e-mail (RFC 5322 / MIME), built by nodemailer's
 * MailComposer: UTF-8 subjects as encoded words, the text quoted-printable,
 * attachments base64 with their name and type. The same bytes are written as
 * the `.eml` file and handed to the SMTP server.
 */
import MailComposer from 'nodemailer/lib/mail-composer';
import type { OutboxMessage } from '../../shared/model/outbox';

export interface Sender {
  name: string;
  /** The relay's address; empty when none is set (the mail program fills it in when the `.eml` is sent from there). */
  address: string;
}

/** Stable across builds: a message sent from the `.eml` and by SMTP carries the same id, which mail servers use to drop duplicates. */
export function messageIdHeader(message: Pick<OutboxMessage, 'id'>): string {
  return `<${message.id}@cabas.invalid>`;
}

export interface EmlOptions {
  /** Marks the file as a draft to send (Outlook opens an `X-Unsent` message ready to send, not as received mail). */
  draft: boolean;
}

export function composeMail(message: OutboxMessage, sender: Sender, options: EmlOptions): MailComposer {
  return new MailComposer({
    from: sender.address === '' ? undefined : { name: sender.name, address: sender.address },
    to: message.toEmail === '' ? undefined : { name: message.toName, address: message.toEmail },
    subject: message.subject,
    text: message.text,
    textEncoding: 'quoted-printable',
    messageId: messageIdHeader(message),
    date: new Date(message.preparedAt),
    headers: options.draft ? { 'X-Unsent': '1' } : {},
    attachments: message.attachments.map((attachment) => ({
      filename: attachment.fileName,
      contentType: attachment.contentType,
      content: Buffer.from(attachment.content, attachment.encoding ?? 'utf8'),
    })),
  });
}

export function buildEml(message: OutboxMessage, sender: Sender, options: EmlOptions): Promise<Buffer> {
  return composeMail(message, sender, options).compile().build();
}
