import { AuditorService } from '@backstage/backend-plugin-api';
import { EventRecorder, NewEnrollmentEvent } from '../database/EventStore';

// What went wrong, as opposed to what happened.
const FAILURES = new Set([
  'portal.login-failed',
  'scep.refused',
  'mdm.reenrollment-refused',
  'mdm.refused',
  'invitation.delivery-failed',
  'admin.outbound-failed',
]);

/**
 * The activity log of what happens without an admin request (the portal,
 * SCEP, check-ins, the mail task): each event goes to the plugin's own
 * table, which admins read in Backstage, and to Backstage's audit stream.
 * Admin-API changes are audited where they are made, with their request
 * (service/audited.ts), and record to the table directly.
 */
export class ActivityLog implements EventRecorder {
  constructor(
    private readonly store: EventRecorder,
    private readonly auditor: AuditorService,
    /**
     * Inside a transaction: holds the audit event until the commit, so a
     * rolled-back change leaves no audit line (its table row rolls back).
     */
    private readonly afterCommit?: (audit: () => Promise<void>) => void,
  ) {}

  async record(event: NewEnrollmentEvent): Promise<void> {
    await this.store.record(event);
    if (this.afterCommit) this.afterCommit(() => this.audit(event));
    else await this.audit(event);
  }

  private async audit(event: NewEnrollmentEvent): Promise<void> {
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
