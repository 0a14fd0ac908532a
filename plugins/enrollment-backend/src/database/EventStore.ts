import { Knex } from 'knex';
import { toIso } from './rows';

/** Something an admin or an enrolling person did. */
export interface EnrollmentEvent {
  type: string;
  actor?: string;
  invitationId?: string;
  computerId?: string;
  message: string;
  data?: Record<string, unknown>;
}

/** The plugin's own event log, which the admin UI lists. */
export class EventStore {
  constructor(private readonly db: Knex) {}

  async record(event: EnrollmentEvent): Promise<void> {
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

  async listForInvitation(
    invitationId: string,
  ): Promise<Array<EnrollmentEvent & { createdAt: string }>> {
    const rows = await this.db('enrollment_events')
      .where({ invitation_id: invitationId })
      .orderBy('id', 'desc')
      .limit(200);
    return rows.map(r => ({
      type: r.type,
      actor: r.actor ?? undefined,
      invitationId: r.invitation_id ?? undefined,
      computerId: r.computer_id ?? undefined,
      message: r.message,
      data: r.data ? JSON.parse(r.data) : undefined,
      createdAt: toIso(r.created_at)!,
    }));
  }
}
