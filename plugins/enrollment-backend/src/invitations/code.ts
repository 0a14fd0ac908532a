import { createHash, createHmac, randomBytes } from 'node:crypto';

/**
 * Invitation codes are derived, not stored: code = HMAC-SHA256(secret,
 * id:nonce[:recipient]), 256 bits, URL-safe. The database keeps the nonce and the code's
 * SHA-256 (to look it up), so a leaked database does not leak live links,
 * while the mail task can still put the link in a message long after the
 * invitation was created, and an admin can be shown it again.
 */
export class InvitationCodes {
  constructor(private readonly secret: Buffer) {
    if (secret.length < 32) {
      throw new Error('The invitation code secret must have at least 256 bits');
    }
  }

  newNonce(): string {
    return randomBytes(16).toString('hex');
  }

  /**
   * The code of the invitation's link, or of one recipient's own link
   * (keyed by the lower-cased address, which is unique per invitation).
   */
  codeFor(invitationId: string, nonce: string, recipient?: string): string {
    const name = recipient
      ? `invitation:${invitationId}:${nonce}:recipient:${recipient.toLowerCase()}`
      : `invitation:${invitationId}:${nonce}`;
    return createHmac('sha256', this.secret)
      .update(name, 'utf8')
      .digest('base64url');
  }
}

/** The stored form of a code, for lookups. */
export function hashInvitationCode(code: string): string {
  return createHash('sha256').update(code, 'utf8').digest('hex');
}
