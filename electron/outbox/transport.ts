/**
 * Handing a built message to an SMTP server with nodemailer (issue 15). The
 * outbox sees only this small interface, so its tests can use a server that
 * fails on purpose, and the SMTP test a real one (smtp-server).
 */
import nodemailer from 'nodemailer';
import type { StoredMailSettings } from './mail-settings';

export interface Envelope {
  from: string;
  to: string[];
}

export interface MailTransport {
  /** Connects and logs in: fails when offline or the settings are wrong, before any message is claimed. */
  verify(): Promise<void>;
  send(envelope: Envelope, raw: Buffer): Promise<void>;
  close(): void;
}

export type TransportFactory = (settings: StoredMailSettings) => MailTransport;

/** Long enough for a slow line, short enough that a dead server does not hold the outbox for minutes. */
const TIMEOUT_MS = 20_000;

export const smtpTransport: TransportFactory = (settings) => {
  const transporter = nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    auth: settings.user === '' ? undefined : { user: settings.user, pass: settings.password },
    connectionTimeout: TIMEOUT_MS,
    greetingTimeout: TIMEOUT_MS,
    socketTimeout: TIMEOUT_MS,
  });
  return {
    verify: async () => {
      await transporter.verify();
    },
    send: async (envelope, raw) => {
      await transporter.sendMail({ envelope: { ...envelope }, raw });
    },
    close: () => transporter.close(),
  };
};

/** A refusal of the message itself (SMTP 5xx): sending it again would be refused again. */
export function isPermanent(error: unknown): boolean {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

export function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
