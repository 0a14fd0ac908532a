import { Knex } from 'knex';
import { ClaimDueOptions } from './claims';
import { claimDueRows, retryClaimedRow } from './claimDueRows';
import { ClaimedPush, PushQueueStore } from './PushQueueStore';

const TABLE = 'enrollment_push_queue';

/** The Knex-backed push queue, one row per computer. */
export class DatabasePushQueueStore implements PushQueueStore {
  constructor(private readonly db: Knex) {}

  async request(computerId: string, dueAt: Date, now: Date): Promise<void> {
    await this.db(TABLE)
      .insert({
        computer_id: computerId,
        requests: 1,
        attempts: 0,
        due_at: dueAt,
        created_at: now,
      })
      .onConflict('computer_id')
      .merge({ requests: this.db.raw(`${TABLE}.requests + 1`) });
  }

  async claimDue(options: ClaimDueOptions): Promise<ClaimedPush[]> {
    const { claimId } = options;
    const rows = await claimDueRows(this.db, TABLE, 'computer_id', options, [
      'due_at',
    ]);
    return rows.map(row => ({
      computerId: row.computer_id,
      claimId,
      requests: Number(row.requests),
      attempts: Number(row.attempts),
    }));
  }

  async finish(claim: ClaimedPush, againAt: Date): Promise<void> {
    const deleted = await this.db(TABLE)
      .where({
        computer_id: claim.computerId,
        claim_id: claim.claimId,
        requests: claim.requests,
      })
      .delete();
    if (deleted) return;
    await this.db(TABLE)
      .where({ computer_id: claim.computerId, claim_id: claim.claimId })
      .update({
        requests: this.db.raw('requests - ?', [claim.requests]),
        attempts: 0,
        due_at: againAt,
        claim_id: null,
        claimed_until: null,
        last_error: null,
      });
  }

  async retry(claim: ClaimedPush, dueAt: Date, error: string): Promise<void> {
    await retryClaimedRow(
      this.db(TABLE).where({
        computer_id: claim.computerId,
        claim_id: claim.claimId,
      }),
      claim.attempts + 1,
      dueAt,
      error,
    );
  }

  async count(): Promise<number> {
    const [{ n }] = await this.db(TABLE).count({ n: '*' });
    return Number(n);
  }
}
