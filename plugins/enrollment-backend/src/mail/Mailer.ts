/** One message to one recipient. */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** Hands messages to SMTP, or to the outbox folder when no SMTP is configured. */
export interface Mailer {
  /** Resolves with the Message-ID once the message is accepted; rejects with the server's reason. */
  send(mail: OutgoingMail): Promise<{ messageId: string }>;
  /** Checks the connection and credentials (SMTP) or that the folder is writable. */
  verify(): Promise<void>;
  close(): void;
}
