import { ClaimDueOptions } from './claims';

/** A recipient a worker holds while it sends the invitation mail. */
export interface ClaimedDelivery {
  recipientId: number;
  claimId: string;
  email: string;
  /** The recipient has a link of their own (else the invitation's link). */
  ownLink: boolean;
  attempts: number;
  invitation: {
    id: string;
    /** The short number, for the subject's `{id}`. */
    number: number;
    codeNonce: string;
    expiresAt: Date;
    requireLogin: boolean;
    multipleUses: boolean;
    subject?: string;
    message?: string;
    createdBy: string;
  };
}

/** A claimed recipient whose message the relay accepted. */
export interface SentDelivery {
  delivery: ClaimedDelivery;
  messageId: string;
}

/**
 * The invitation mail queue. A recipient is claimed for a lease before its
 * message goes to SMTP and released with the outcome after, so two workers
 * never hold the same recipient, and a worker that died mid-send leaves it
 * to be picked up again when the lease ends.
 */
export interface DeliveryStore {
  /**
   * Claims recipients whose mail is due, or whose earlier claim ran out,
   * oldest first; recipients of cancelled or expired invitations stay.
   * Each claim counts as an attempt.
   */
  claimDue(options: ClaimDueOptions): Promise<ClaimedDelivery[]>;
  /** The mail went out. False when the claim was lost meanwhile: nothing is stored. */
  markSent(d: ClaimedDelivery, messageId: string, now: Date): Promise<boolean>;
  /**
   * Several mails went out: one transaction, one UPDATE per claim among
   * them. Each recipient still held by its claim is stored as sent with its
   * Message-ID; the others (claims lost meanwhile) are left alone. Returns
   * how many were stored.
   */
  markSentMany(sent: SentDelivery[], now: Date): Promise<number>;
  /** Sending failed for now; due again at `nextAttemptAt`. False when the claim was lost. */
  markRetry(
    d: ClaimedDelivery,
    error: string,
    nextAttemptAt: Date,
  ): Promise<boolean>;
  /** Sending failed for good. False when the claim was lost. */
  markFailed(d: ClaimedDelivery, error: string): Promise<boolean>;
}
