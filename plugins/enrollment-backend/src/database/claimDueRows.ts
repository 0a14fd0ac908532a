import { Knex } from 'knex';
import { ClaimDueOptions } from './claims';

/**
 * Claims up to `limit` rows of `table` that are due (`due_at`) and free (no
 * lease, or a lapsed one) for this worker, in `order`, and returns them.
 * The outer condition is checked again on a row a racing replica just
 * claimed (PostgreSQL re-evaluates it after the lock wait; SQLite has one
 * writer), so each row is claimed once.
 */
export async function claimDueRows(
  db: Knex,
  table: string,
  key: string,
  options: ClaimDueOptions,
  order: string[],
): Promise<any[]> {
  const { now, limit, leaseMs, claimId } = options;
  const free = (q: Knex.QueryBuilder) =>
    q
      .where('due_at', '<=', now)
      .andWhere(w =>
        w.whereNull('claimed_until').orWhere('claimed_until', '<=', now),
      );
  const due = free(db(table).select(key))
    .orderBy(order.map(column => ({ column })))
    .limit(limit);
  await free(
    db(table)
      .whereIn(key, due)
      .update({
        claim_id: claimId,
        claimed_until: new Date(now.getTime() + leaseMs),
      }),
  );
  return db(table)
    .where({ claim_id: claimId })
    .orderBy(order.map(column => ({ column })));
}

/**
 * Hands a claimed row back for another attempt at `dueAt`, its error kept;
 * `row` selects it by key and claim, so a worker whose lease ran out
 * changes nothing.
 */
export async function retryClaimedRow(
  row: Knex.QueryBuilder,
  attempts: number,
  dueAt: Date,
  error: string,
): Promise<void> {
  await row.update({
    attempts,
    due_at: dueAt,
    claim_id: null,
    claimed_until: null,
    last_error: error.slice(0, 1000),
  });
}
