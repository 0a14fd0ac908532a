import { mockServices } from '@backstage/backend-test-utils';
import { NewEnrollmentEvent } from '../database/EventStore';
import { ActivityLog } from './ActivityLog';

describe('ActivityLog', () => {
  function setup(afterCommit?: (audit: () => Promise<void>) => void) {
    const stored: NewEnrollmentEvent[] = [];
    const outcomes: string[] = [];
    const auditor = mockServices.auditor.mock({
      createEvent: jest.fn(async () => ({
        success: async () => void outcomes.push('success'),
        fail: async ({ error }: { error: Error }) =>
          void outcomes.push(`fail: ${error.message}`),
      })) as any,
    });
    const log = new ActivityLog(
      { record: async e => void stored.push(e) },
      auditor,
      afterCommit,
    );
    return { log, stored, outcomes, auditor };
  }

  it('keeps every event and audits what happened on the public routes', async () => {
    const { log, stored, outcomes, auditor } = setup();
    await log.record({
      type: 'portal.login-failed',
      actor: 'bob',
      invitationId: 'inv-1',
      message: 'Portal login as bob refused (wrong password) from ::1',
    });
    await log.record({
      type: 'mdm.enrolled',
      computerId: 'c-1',
      message: 'Computer X enrolled',
    });
    expect(stored.map(e => e.type)).toEqual([
      'portal.login-failed',
      'mdm.enrolled',
    ]);
    expect(auditor.createEvent).toHaveBeenNthCalledWith(1, {
      eventId: 'portal-login-failed',
      severityLevel: 'medium',
      meta: {
        message: 'Portal login as bob refused (wrong password) from ::1',
        actor: 'bob',
        invitationId: 'inv-1',
      },
    });
    expect(auditor.createEvent).toHaveBeenNthCalledWith(2, {
      eventId: 'mdm-enrolled',
      severityLevel: 'low',
      meta: { message: 'Computer X enrolled', computerId: 'c-1' },
    });
    expect(outcomes).toEqual([
      'fail: Portal login as bob refused (wrong password) from ::1',
      'success',
    ]);
  });

  it('audits a mail delivery failure, which no request made', async () => {
    const { log, outcomes } = setup();
    await log.record({
      type: 'invitation.delivery-failed',
      invitationId: 'inv-1',
      message: 'Invitation mail to a@example.com failed: 550',
    });
    expect(outcomes).toEqual([
      'fail: Invitation mail to a@example.com failed: 550',
    ]);
  });

  it('inside a transaction, audits only once it committed', async () => {
    const held: Array<() => Promise<void>> = [];
    const { log, stored, auditor, outcomes } = setup(audit => held.push(audit));
    await log.record({
      type: 'mdm.enrolled',
      computerId: 'c-1',
      message: 'Computer X enrolled',
    });
    // The row is written with the transaction; the audit line waits.
    expect(stored).toHaveLength(1);
    expect(auditor.createEvent).not.toHaveBeenCalled();
    // Committed: the caller runs what was held.
    for (const audit of held) await audit();
    expect(auditor.createEvent).toHaveBeenCalledTimes(1);
    expect(outcomes).toEqual(['success']);
  });
});
