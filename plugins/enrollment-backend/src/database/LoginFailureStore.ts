import { Knex } from 'knex';
import { toDate } from './rows';

const TABLE = 'enrollment_login_failures';

/** Throttling policy: after `maxFailures` within `windowMs`, lock for `lockMs`. */
export interface ThrottlePolicy {
  maxFailures: number;
  windowMs: number;
  lockMs: number;
}

/** Failed portal logins per key ('user:…', 'ip:…'), shared by all replicas. */
export class LoginFailureStore {
  constructor(
    private readonly db: Knex,
    private readonly policy: ThrottlePolicy,
  ) {}

  /** The time until which any of the keys is locked, if one is. */
  async lockedUntil(keys: string[], now: Date): Promise<Date | undefined> {
    const rows = await this.db(TABLE)
      .whereIn('key', keys)
      .whereNotNull('locked_until');
    const until = rows
      .map(r => toDate(r.locked_until)!)
      .filter(d => d.getTime() > now.getTime())
      .sort((a, b) => b.getTime() - a.getTime());
    return until[0];
  }

  async recordFailure(keys: string[], now: Date): Promise<void> {
    for (const key of keys) {
      await this.db.transaction(async trx => {
        const row = await trx(TABLE).where({ key }).first();
        const inWindow =
          row &&
          toDate(row.window_start)!.getTime() >
            now.getTime() - this.policy.windowMs;
        const failures = inWindow ? Number(row.failures) + 1 : 1;
        const update = {
          failures,
          window_start: inWindow ? row.window_start : now,
          locked_until:
            failures >= this.policy.maxFailures
              ? new Date(now.getTime() + this.policy.lockMs)
              : null,
        };
        if (row) await trx(TABLE).where({ key }).update(update);
        else
          await trx(TABLE)
            .insert({ key, ...update })
            .onConflict('key')
            .merge();
      });
    }
  }

  async clear(keys: string[]): Promise<void> {
    await this.db(TABLE).whereIn('key', keys).delete();
  }
}
