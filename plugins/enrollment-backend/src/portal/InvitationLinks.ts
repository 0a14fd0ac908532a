import { InvitationDetails } from '@macenroll/plugin-enrollment-common';
import { PendingEnrollment } from '../database/EnrollmentStore';
import { EventRecorder } from '../database/EventStore';
import { InvitationStore, UseReservation } from '../database/InvitationStore';
import { hashInvitationCode } from '../invitations/code';
import { CHALLENGE_TTL_MS } from '../mdm/EnrollmentProfileService';
import { invitationProblem, PortalProblem, problems } from './problems';

const CODE = /^[A-Za-z0-9_-]{43}$/;
const USED = 'a Mac already enrolled with this link';

/** Why a link could not be held for an enrollment: for the log, and for the person. */
const REFUSALS: Record<
  Exclude<UseReservation, 'reserved'>,
  { reason: string; problem: () => PortalProblem }
> = {
  'in-use': {
    reason: 'another person is enrolling a Mac with this link',
    problem: problems.invitationInUse,
  },
  used: { reason: USED, problem: problems.invitationUsedUp },
  unusable: {
    reason: 'the invitation was cancelled, expired or deleted meanwhile',
    problem: () => problems.invitationUnusable(),
  },
};

/**
 * The portal's rules for invitation links: which invitation a code opens
 * (its own link or a recipient's), and the hold an enrollment keeps on a
 * single-use link until its Mac checks in. Every refusal goes to the
 * activity log with its reason; the person gets a PortalProblem.
 */
export class InvitationLinks {
  constructor(
    private readonly deps: {
      invitations: InvitationStore;
      events: EventRecorder;
      clock?: () => Date;
    },
  ) {}

  private now() {
    return this.deps.clock?.() ?? new Date();
  }

  /**
   * The invitation a link's code names, if it can still be used.
   *
   * @throws PortalProblem when it is unknown or cannot be used
   */
  async open(
    code: unknown,
  ): Promise<{ invitation: InvitationDetails; recipientId?: number }> {
    const link =
      typeof code === 'string' && CODE.test(code)
        ? await this.deps.invitations.findLink(hashInvitationCode(code))
        : undefined;
    const invitation = link
      ? await this.deps.invitations.get(link.invitationId, this.now())
      : undefined;
    if (!link || !invitation) throw problems.invitationNotFound();
    const problem = invitationProblem(invitation);
    if (problem) {
      await this.refused(
        invitation.id,
        invitation.status === 'used'
          ? USED
          : `the invitation is ${invitation.status}`,
      );
      throw problems.invitationUnusable(problem);
    }
    // One recipient's single-use link enrolled its Mac; the others still work.
    if (!invitation.multipleUses && link.used) {
      await this.refused(invitation.id, USED);
      throw problems.invitationUsedUp();
    }
    return { invitation, recipientId: link.recipientId };
  }

  /**
   * Holds the enrollment's invitation link until the profile's SCEP
   * challenge lapses: of people racing for a single-use link one wins, and
   * the link is used once the Mac checks in. Each new profile renews it.
   *
   * @throws PortalProblem when another enrollment holds or used it
   */
  async reserve(
    enrollment: Pick<PendingEnrollment, 'id' | 'invitationId' | 'recipientId'>,
  ): Promise<void> {
    if (!enrollment.invitationId) return;
    const now = this.now();
    const outcome = await this.deps.invitations.reserveUse(
      {
        invitationId: enrollment.invitationId,
        recipientId: enrollment.recipientId,
        enrollmentId: enrollment.id,
      },
      { until: new Date(now.getTime() + CHALLENGE_TTL_MS), now },
    );
    if (outcome === 'reserved') return;
    const refusal = REFUSALS[outcome];
    await this.refused(enrollment.invitationId, refusal.reason);
    throw refusal.problem();
  }

  /** A use the portal refused goes to the activity log with its reason. */
  private async refused(invitationId: string, reason: string): Promise<void> {
    await this.deps.events.record({
      type: 'portal.invitation-refused',
      invitationId,
      message: `The portal refused the invitation: ${reason}`,
    });
  }
}
