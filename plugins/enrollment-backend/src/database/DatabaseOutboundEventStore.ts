import { randomUUID } from 'node:crypto';
import { EnrollmentEventPayload } from '@macenroll/plugin-enrollment-common';
import { Knex } from 'knex';
import { ClaimDueOptions } from './claims';
import { claimDueRows, retryClaimedRow } from './claimDueRows';
import { toDate } from './rows';
import {
  ClaimedOutboundEvent,
  OutboundChannel,
  OutboundEventStore,
} from './OutboundEventStore';

const TABLE = 'enrollment_outbound_events';

/** The Knex-backed outbox of events for the events service and the webhook. */
export class DatabaseOutboundEventStore implements OutboundEventStore {
  constructor(private readonly db: Knex) {}

  async add(
    event: EnrollmentEventPayload,
    channels: readonly OutboundChannel[],
    now: Date,
  ): Promise<void> {
    if (!channels.length) return;
    const payload = JSON.stringify(event);
    await this.db(TABLE).insert(
      channels.map(channel => ({
        id: randomUUID(),
        event_id: event.id,
        channel,
        type: event.type,
        payload,
        attempts: 0,
        due_at: now,
        created_at: now,
      })),
    );
  }

  async claimDue(options: ClaimDueOptions): Promise<ClaimedOutboundEvent[]> {
    const { claimId } = options;
    const rows = await claimDueRows(this.db, TABLE, 'id', options, [
      'due_at',
      'seq',
    ]);
    return rows.map(row => ({
      id: row.id,
      claimId,
      channel: row.channel,
      payload: JSON.parse(row.payload),
      attempts: Number(row.attempts),
    }));
  }

  async delivered(claim: ClaimedOutboundEvent): Promise<void> {
    await this.db(TABLE)
      .where({ id: claim.id, claim_id: claim.claimId })
      .delete();
  }

  async retry(
    claim: ClaimedOutboundEvent,
    dueAt: Date,
    error: string,
  ): Promise<void> {
    await retryClaimedRow(
      this.db(TABLE).where({ id: claim.id, claim_id: claim.claimId }),
      claim.attempts + 1,
      dueAt,
      error,
    );
  }

  async drop(claim: ClaimedOutboundEvent): Promise<void> {
    await this.delivered(claim);
  }

  async nextDue(): Promise<Date | undefined> {
    const row = await this.db(TABLE)
      .whereNull('claim_id')
      .min({ due: 'due_at' })
      .first();
    return toDate(row?.due);
  }

  async pending(): Promise<Record<OutboundChannel, number>> {
    const rows: { channel: string; n: string | number }[] = await this.db(TABLE)
      .select('channel')
      .count({ n: '*' })
      .groupBy('channel');
    const counts: Record<OutboundChannel, number> = {
      events: 0,
      notifications: 0,
      webhook: 0,
    };
    for (const row of rows) {
      counts[row.channel as OutboundChannel] = Number(row.n);
    }
    return counts;
  }
}
