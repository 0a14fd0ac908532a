import { randomBytes } from 'node:crypto';
import { Knex } from 'knex';
import { sha256 } from './PortalSessionStore';

const TABLE = 'enrollment_scep_challenges';

/**
 * Single-use, short-lived SCEP challenges, each minted for one enrollment's
 * profile download. Only hashes are stored.
 */
export class DatabaseScepChallengeStore {
  constructor(private readonly db: Knex) {}

  /** `computerId` makes it a renewal challenge: its identity belongs to that computer. */
  async mint(
    enrollmentId: string,
    ttlMs: number,
    now: Date,
    computerId?: string,
  ): Promise<string> {
    const challenge = randomBytes(24).toString('base64url');
    await this.db(TABLE).insert({
      challenge_hash: sha256(challenge),
      enrollment_id: enrollmentId,
      computer_id: computerId ?? null,
      expires_at: new Date(now.getTime() + ttlMs),
    });
    return challenge;
  }

  /** Consumes it atomically: one caller wins, however many race. */
  async redeem(
    challenge: string,
    now: Date,
  ): Promise<{ enrollmentId: string; computerId?: string } | undefined> {
    const hash = sha256(challenge);
    const n = await this.db(TABLE)
      .where({ challenge_hash: hash })
      .whereNull('used_at')
      .andWhere('expires_at', '>', now)
      .update({ used_at: now });
    if (!n) return undefined;
    const row = await this.db(TABLE).where({ challenge_hash: hash }).first();
    return {
      enrollmentId: row.enrollment_id,
      computerId: row.computer_id ?? undefined,
    };
  }
}
