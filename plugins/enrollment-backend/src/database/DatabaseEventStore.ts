import {
  EnrollmentEvent,
  ListEventsQuery,
} from '@macenroll/plugin-enrollment-common';
import { Knex } from 'knex';
import { EventStore, NewEnrollmentEvent } from './EventStore';
import { countMatches, EXACT_COUNT_LIMIT, ListTotal } from './listCount';
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
  constructor(
    private readonly db: Knex,
    /** exactCountLimit: see EXACT_COUNT_LIMIT (smaller in tests). */
    private readonly options: { exactCountLimit?: number } = {},
  ) {}

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
  ): Promise<{ items: EnrollmentEvent[] } & ListTotal> {
    const base = this.db<EventRow>('enrollment_events');
    if (query.category) {
      // Types are `<category>.<what>`; the category holds no LIKE wildcard.
      base.where('type', 'like', `${query.category}.%`);
    }
    if (query.invitationId) base.where('invitation_id', query.invitationId);
    if (query.computerId) base.where('computer_id', query.computerId);
    if (query.search) {
      // On PostgreSQL, trigram indexes on these very expressions find the
      // matches (migration 20261207140000_search_indexes).
      const pattern = containsPattern(query.search);
      base.where(q =>
        q
          .whereRaw(`LOWER(message) LIKE ? ESCAPE '\\'`, [pattern])
          .orWhereRaw(`LOWER(actor) LIKE ? ESCAPE '\\'`, [pattern]),
      );
    }
    const limit = this.options.exactCountLimit ?? EXACT_COUNT_LIMIT;
    if (query.offset + query.limit <= limit + 1) {
      // One pass finds the page and the count, up to the limit: the ids
      // newest first (a search's trigram index is read once, not twice).
      const ids = (
        await base
          .clone()
          .select('id')
          .orderBy('id', 'desc')
          .limit(limit + 1)
      ).map(r => r.id);
      const pageIds = ids.slice(query.offset, query.offset + query.limit);
      const rows = pageIds.length
        ? await this.db<EventRow>('enrollment_events')
            .whereIn('id', pageIds)
            .orderBy('id', 'desc')
        : [];
      const total: ListTotal =
        ids.length <= limit
          ? { totalCount: ids.length }
          : await countMatches(this.db, base, {
              atLeast: query.offset + rows.length,
              limit,
              moreThanLimit: true,
            });
      return { items: rows.map(toEvent), ...total };
    }
    const rows = await base
      .clone()
      .orderBy('id', 'desc')
      .offset(query.offset)
      .limit(query.limit);
    const total = await countMatches(this.db, base, {
      atLeast: query.offset + rows.length,
      limit,
    });
    return { items: rows.map(toEvent), ...total };
  }
}
