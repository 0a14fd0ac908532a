/** One message to one recipient. */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /**
   * The Message-ID header, `<…@…>`. A message sent again (after a crash
   * between the relay's 250 and the database write) carries the same one,
   * so mail systems can drop the duplicate. Left out, one is made up.
   */
  messageId?: string;
}

/** Hands messages to SMTP, or to the outbox folder when no SMTP is configured. */
export interface Mailer {
  /** Resolves with the Message-ID once the message is accepted; rejects with the server's reason. */
  send(mail: OutgoingMail): Promise<{ messageId: string }>;
  /** Checks the connection and credentials (SMTP) or that the folder is writable. */
  verify(): Promise<void>;
  close(): void;
}
