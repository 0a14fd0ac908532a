/**
 * Single-use, short-lived SCEP challenges, each minted for one enrollment's
 * profile download. An enrollment has at most one live challenge: a new
 * profile download supersedes the older one, so downloading again never
 * yields a second identity.
 */
export interface ScepChallengeStore {
  /**
   * A new challenge for the enrollment, valid for `ttlMs`; it supersedes the
   * enrollment's live one of the same kind. `computerId` makes it a renewal
   * challenge: its identity belongs to that computer.
   */
  mint(
    enrollmentId: string,
    ttlMs: number,
    now: Date,
    computerId?: string,
  ): Promise<string>;
  /**
   * Consumes the challenge atomically: returns what it was minted for, or
   * undefined when unknown, used or expired; one caller wins, however many
   * race. A portal challenge is dead once its enrollment's Mac has checked
   * in.
   */
  redeem(
    challenge: string,
    now: Date,
  ): Promise<{ enrollmentId: string; computerId?: string } | undefined>;
  /** Forgets challenges that can no longer be redeemed; returns how many. */
  deleteExpired(now: Date): Promise<number>;
}
