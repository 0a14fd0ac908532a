import {
  EnrollmentEvent,
  ListEventsQuery,
} from '@macenroll/plugin-enrollment-common';
import { Knex } from 'knex';
import { EventStore, NewEnrollmentEvent } from './EventStore';
import { containsPattern, opt, toIso } from './rows';

type EventRow = {
  id: number | string;
  type: string;
  actor: string | null;
  invitation_id: string | null;
  computer_id: string | null;
  message: string;
  data: string | null;
  created_at: unknown;
};

function toEvent(row: EventRow): EnrollmentEvent {
  return {
    id: String(row.id),
    type: row.type,
    actor: opt(row.actor),
    invitationId: opt(row.invitation_id),
    computerId: opt(row.computer_id),
    message: row.message,
    data: row.data ? JSON.parse(row.data) : undefined,
    createdAt: toIso(row.created_at)!,
  };
}

/** The Knex-backed event log. */
export class DatabaseEventStore implements EventStore {
  constructor(private readonly db: Knex) {}

  async record(event: NewEnrollmentEvent): Promise<void> {
    await this.db('enrollment_events').insert({
      type: event.type,
      actor: event.actor ?? null,
      invitation_id: event.invitationId ?? null,
      computer_id: event.computerId ?? null,
      message: event.message,
      data: event.data ? JSON.stringify(event.data) : null,
      created_at: new Date(),
    });
  }

  async deleteOlderThan(cutoff: Date): Promise<number> {
    return this.db('enrollment_events')
      .where('created_at', '<', cutoff)
      .delete();
  }

  async list(
    query: Required<Pick<ListEventsQuery, 'offset' | 'limit'>> &
      ListEventsQuery,
  ): Promise<{ items: EnrollmentEvent[]; totalCount: number }> {
    const base = this.db<EventRow>('enrollment_events');
    if (query.category) {
      // Types are `<category>.<what>`; the category holds no LIKE wildcard.
      base.where('type', 'like', `${query.category}.%`);
    }
    if (query.invitationId) base.where('invitation_id', query.invitationId);
    if (query.computerId) base.where('computer_id', query.computerId);
    if (query.search) {
      const pattern = containsPattern(query.search);
      base.where(q =>
        q
          .whereRaw(`LOWER(message) LIKE ? ESCAPE '\\'`, [pattern])
          .orWhereRaw(`LOWER(actor) LIKE ? ESCAPE '\\'`, [pattern]),
      );
    }
    const [{ n }] = await base.clone().count({ n: '*' });
    const rows = await base
      .orderBy('id', 'desc')
      .offset(query.offset)
      .limit(query.limit);
    return { items: rows.map(toEvent), totalCount: Number(n) };
  }
}
