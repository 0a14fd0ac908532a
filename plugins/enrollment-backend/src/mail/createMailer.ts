import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import nodemailer, { Transporter } from 'nodemailer';
import { Mailer, OutgoingMail } from './Mailer';
import { noDelaySocket } from './noDelaySocket';

/** How to reach the SMTP relay (`enrollment.smtp`). */
export interface SmtpSettings {
  host: string;
  port: number;
  secure: boolean;
  requireTLS: boolean;
  auth?: { user: string; pass: string };
  /** Extra trust for a relay whose certificate a private CA issued (PEM). */
  tls?: { ca: string };
  from: string;
  /** SMTP connections the pool opens at most (default 4). */
  maxConnections?: number;
  /** Messages sent over one connection before the pool opens a new one (default 100). */
  maxMessagesPerConnection?: number;
}

/** Connections a relay sees from one backend at most, unless configured. */
export const DEFAULT_SMTP_MAX_CONNECTIONS = 4;
/** nodemailer's own default: a long fan-out reconnects now and then. */
export const DEFAULT_SMTP_MAX_MESSAGES_PER_CONNECTION = 100;

/** Where mail goes: `enrollment.smtp` and `enrollment.outbox`. */
export interface MailerOptions {
  smtp?: SmtpSettings;
  outbox: { directory: string; from: string };
}

/**
 * A pooled SMTP mailer when SMTP is configured; otherwise one that writes
 * each message as an .eml file into the outbox folder, so the demo works
 * offline and a developer can open what would have been sent.
 */
export function createMailer(options: MailerOptions): Mailer {
  if (options.smtp) {
    return smtpMailer(options.smtp);
  }
  return outboxMailer(options.outbox);
}

/** nodemailer's message: the given Message-ID, or one it makes up. */
function message(from: string, mail: OutgoingMail) {
  const { messageId, ...rest } = mail;
  return messageId ? { from, messageId, ...rest } : { from, ...rest };
}

function smtpMailer(smtp: NonNullable<MailerOptions['smtp']>): Mailer {
  const transport: Transporter = nodemailer.createTransport({
    pool: true,
    maxConnections: smtp.maxConnections ?? DEFAULT_SMTP_MAX_CONNECTIONS,
    maxMessages:
      smtp.maxMessagesPerConnection ?? DEFAULT_SMTP_MAX_MESSAGES_PER_CONNECTION,
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    requireTLS: smtp.requireTLS,
    auth: smtp.auth,
    tls: smtp.tls,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
    getSocket: noDelaySocket,
  });
  return {
    async send(mail: OutgoingMail) {
      const info = await transport.sendMail(message(smtp.from, mail));
      return { messageId: info.messageId };
    },
    async verify() {
      await transport.verify();
    },
    close() {
      transport.close();
    },
  };
}

function outboxMailer(outbox: MailerOptions['outbox']): Mailer {
  const directory = resolve(outbox.directory);
  const transport = nodemailer.createTransport({
    streamTransport: true,
    buffer: true,
    newline: 'unix',
  });
  return {
    async send(mail: OutgoingMail) {
      const info = await transport.sendMail(message(outbox.from, mail));
      await mkdir(directory, { recursive: true });
      const safeId = info.messageId.replace(/[^A-Za-z0-9.@-]/g, '');
      await writeFile(
        join(directory, `${Date.now()}-${safeId}.eml`),
        info.message as Buffer,
        { mode: 0o600 },
      );
      return { messageId: info.messageId };
    },
    async verify() {
      await mkdir(directory, { recursive: true });
    },
    close() {
      transport.close();
    },
  };
}
