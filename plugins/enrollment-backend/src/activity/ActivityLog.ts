import { AuditorService } from '@backstage/backend-plugin-api';
import { EventRecorder, NewEnrollmentEvent } from '../database/EventStore';

// Changes made through the admin API are audited where they are made, with
// the request that made them (service/audited.ts); noting them again here
// would count them twice.
const AUDITED_BY_THE_ADMIN_API =
  /^(admin\.|invitation\.(created|cancelled|resent|deleted)$)/;
// What went wrong, as opposed to what happened.
const FAILURES = new Set([
  'portal.login-failed',
  'scep.refused',
  'invitation.delivery-failed',
]);

/**
 * The activity log: every event goes to the plugin's own table, which admins
 * read in Backstage, and what people and Macs did on the public routes goes
 * to Backstage's audit stream as well.
 */
export class ActivityLog implements EventRecorder {
  constructor(
    private readonly store: EventRecorder,
    private readonly auditor: AuditorService,
  ) {}

  async record(event: NewEnrollmentEvent): Promise<void> {
    await this.store.record(event);
    if (AUDITED_BY_THE_ADMIN_API.test(event.type)) return;
    const failure = FAILURES.has(event.type);
    const audit = await this.auditor.createEvent({
      eventId: event.type.replace(/\./g, '-'),
      severityLevel: failure ? 'medium' : 'low',
      meta: {
        message: event.message,
        ...(event.actor && { actor: event.actor }),
        ...(event.invitationId && { invitationId: event.invitationId }),
        ...(event.computerId && { computerId: event.computerId }),
      },
    });
    if (failure) await audit.fail({ error: new Error(event.message) });
    else await audit.success();
  }
}
