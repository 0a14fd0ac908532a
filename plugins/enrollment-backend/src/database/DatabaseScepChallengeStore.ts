import { randomBytes } from 'node:crypto';
import { Knex } from 'knex';
import { sha256 } from './hashing';
import { ScepChallengeStore } from './ScepChallengeStore';

const TABLE = 'enrollment_scep_challenges';
const ENROLLMENTS = 'enrollment_enrollments';

/** The Knex-backed SCEP challenges; only their hashes are stored. */
export class DatabaseScepChallengeStore implements ScepChallengeStore {
  constructor(private readonly db: Knex) {}

  async mint(
    enrollmentId: string,
    ttlMs: number,
    now: Date,
    computerId?: string,
  ): Promise<string> {
    const challenge = randomBytes(24).toString('base64url');
    await this.db.transaction(async trx => {
      // Racing downloads of one enrollment take turns (PostgreSQL; SQLite
      // runs one transaction at a time): otherwise each supersedes only what
      // was committed before it and both insert a live challenge.
      await trx(ENROLLMENTS)
        .where({ id: enrollmentId })
        .forUpdate()
        .first('id');
      await trx(TABLE)
        .where({ enrollment_id: enrollmentId })
        .andWhere(q =>
          computerId
            ? q.where({ computer_id: computerId })
            : q.whereNull('computer_id'),
        )
        .whereNull('used_at')
        .update({ used_at: now });
      await trx(TABLE).insert({
        challenge_hash: sha256(challenge),
        enrollment_id: enrollmentId,
        computer_id: computerId ?? null,
        expires_at: new Date(now.getTime() + ttlMs),
      });
    });
    return challenge;
  }

  async redeem(
    challenge: string,
    now: Date,
  ): Promise<{ enrollmentId: string; computerId?: string } | undefined> {
    // One statement marks it used and returns its row: no second caller and
    // no cleanup between a read and the update can interfere.
    const rows: { enrollment_id: string; computer_id: string | null }[] =
      await this.db(TABLE)
        .where({ challenge_hash: sha256(challenge) })
        .whereNull('used_at')
        .andWhere('expires_at', '>', now)
        .andWhere(q =>
          q.whereNotNull('computer_id').orWhereNotExists(
            this.db(ENROLLMENTS)
              .select('id')
              .whereRaw('?? = ??', [
                `${ENROLLMENTS}.id`,
                `${TABLE}.enrollment_id`,
              ])
              .whereNotNull('completed_at'),
          ),
        )
        .update({ used_at: now })
        .returning(['enrollment_id', 'computer_id']);
    const [row] = rows;
    if (!row) return undefined;
    return {
      enrollmentId: row.enrollment_id,
      computerId: row.computer_id ?? undefined,
    };
  }

  async deleteExpired(now: Date): Promise<number> {
    return this.db(TABLE)
      .where('expires_at', '<=', now)
      .orWhereNotNull('used_at')
      .delete();
  }
}
