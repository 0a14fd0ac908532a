import { Knex } from 'knex';
import {
  AttemptReservation,
  LoginFailureStore,
  ThrottlePolicy,
} from './LoginFailureStore';
import { toDate } from './rows';

const TABLE = 'enrollment_login_attempts';

/** The Knex-backed login attempt counts, one row per key. */
export class DatabaseLoginFailureStore implements LoginFailureStore {
  constructor(
    private readonly db: Knex,
    private readonly policy: ThrottlePolicy,
  ) {}

  // One statement checks and counts, so concurrent callers (and replicas)
  // each see their own count: a check-then-record pair let 50 concurrent
  // tries through a limit of 5.
  async reserve(key: string, now: Date): Promise<AttemptReservation> {
    const { maxFailures, windowMs, lockMs } = this.policy;
    const lockEnd = new Date(now.getTime() + lockMs);
    const windowCutoff = new Date(now.getTime() - windowMs);
    // A lock that has run out, or a quiet window that has passed, starts a
    // new count; columns in DO UPDATE SET are the row's values before it.
    const startsOver = `(${TABLE}.locked_until IS NOT NULL AND ${TABLE}.locked_until <= ?) OR (${TABLE}.locked_until IS NULL AND ${TABLE}.window_start <= ?)`;
    const startsOverBindings = [now, windowCutoff];
    const firstLock = maxFailures <= 1 ? lockEnd : null;

    const [row] = await this.db(TABLE)
      .insert({
        key,
        attempts: 1,
        window_start: now,
        locked_until: firstLock,
      })
      .onConflict('key')
      .merge({
        attempts: this.db.raw(
          `CASE WHEN ${startsOver} THEN 1 ELSE ${TABLE}.attempts + 1 END`,
          startsOverBindings,
        ),
        window_start: this.db.raw(
          `CASE WHEN ${startsOver} THEN ? ELSE ${TABLE}.window_start END`,
          [...startsOverBindings, now],
        ),
        locked_until: this.db.raw(
          `CASE WHEN ${startsOver} THEN ${firstLock ? '?' : 'NULL'}
                WHEN ${TABLE}.locked_until IS NOT NULL THEN ${TABLE}.locked_until
                WHEN ${TABLE}.attempts + 1 >= ? THEN ?
                ELSE NULL END`,
          [
            ...startsOverBindings,
            ...(firstLock ? [firstLock] : []),
            maxFailures,
            lockEnd,
          ],
        ),
      })
      .returning(['attempts', 'locked_until']);

    if (Number(row.attempts) <= maxFailures) return { admitted: true };
    return { admitted: false, retryAt: toDate(row.locked_until) ?? lockEnd };
  }

  async clear(keys: string[]): Promise<void> {
    await this.db(TABLE).whereIn('key', keys).delete();
  }

  async release(key: string): Promise<void> {
    await this.db(TABLE)
      .where({ key })
      .where('attempts', '>', 0)
      .update({
        attempts: this.db.raw('attempts - 1'),
        locked_until: this.db.raw(
          'CASE WHEN attempts - 1 < ? THEN NULL ELSE locked_until END',
          [this.policy.maxFailures],
        ),
      });
  }

  async deleteExpired(now: Date): Promise<number> {
    const windowCutoff = new Date(now.getTime() - this.policy.windowMs);
    return this.db(TABLE)
      .where(q =>
        q
          .whereNull('locked_until')
          .andWhere('window_start', '<=', windowCutoff),
      )
      .orWhere('locked_until', '<=', now)
      .delete();
  }
}
