import { InvitationDetails } from '@macenroll/plugin-enrollment-common';
import { RefusalKind } from '../lib/requestRefusal';

/**
 * What the portal shows instead of the page asked for: an HTTP status and
 * the person's words (a title, what happened, what to do next). Thrown by
 * the portal's parts, rendered as a page by its router.
 */
export class PortalProblem extends Error {
  readonly name = 'PortalProblem';
  constructor(
    readonly status: number,
    readonly title: string,
    /** What happened; given the organization's name where it names it. */
    readonly detail: string | ((organization: string) => string),
    readonly next?: string,
    /** Offer a button back to the portal's page (where a new link waits). */
    readonly backToPortal = false,
  ) {
    super(title);
  }
}

const START_AGAIN = 'Go back to the enrollment page and try again.';
const ALREADY_USED =
  'This link has already been used to enroll a Mac. Ask IT for a new one.';

/** Why a form was refused, in the person's words. */
const FORM_REFUSALS: Record<RefusalKind, string> = {
  'too-large': 'The form sent more than the portal accepts.',
  'too-many-fields': 'The form sent more than the portal accepts.',
  encoding: 'The form was sent in an encoding the portal does not read.',
  unreadable: 'The form arrived incomplete or damaged.',
  invalid: 'The form arrived incomplete or damaged.',
};

/** Why an invitation cannot be used, in the person's words; undefined when it can. */
export function invitationProblem(
  invitation: InvitationDetails,
): string | undefined {
  const expires = new Date(invitation.expiresAt).toUTCString();
  switch (invitation.status) {
    case 'expired':
      return `This invitation expired on ${expires}. Ask IT for a new one.`;
    case 'cancelled':
      return 'This invitation was cancelled. Ask IT for a new one if you still need to enroll.';
    case 'used':
      return ALREADY_USED;
    default:
      return undefined;
  }
}

/** Every problem the portal answers with, in one place. */
export const problems = {
  closed: () =>
    new PortalProblem(
      503,
      'Enrollment is closed',
      organization =>
        `${organization} is not enrolling Macs through this page right now.`,
      'Ask IT how to enroll your Mac.',
    ),
  invitationNotFound: () =>
    new PortalProblem(
      404,
      'This link does not work',
      'We could not find this enrollment invitation. The link may be incomplete: open it again from the email, or copy the whole address.',
      'If it still does not work, ask IT for a new invitation.',
    ),
  /** `reason` from invitationProblem; without one the invitation is gone. */
  invitationUnusable: (reason?: string) =>
    new PortalProblem(
      410,
      'This invitation cannot be used',
      reason ?? 'This invitation no longer exists. Ask IT for a new one.',
    ),
  invitationUsedUp: () =>
    new PortalProblem(410, 'This invitation cannot be used', ALREADY_USED),
  invitationInUse: () =>
    new PortalProblem(
      409,
      'This invitation is in use',
      'Someone is enrolling a Mac with this link right now, and it works for one Mac only.',
      'If that is not you, ask IT for a link of your own. If it was you in another browser, finish there.',
    ),
  sessionExpired: () =>
    new PortalProblem(
      403,
      'Your session expired',
      'This page was open too long or came from somewhere else, so we did not accept it.',
      START_AGAIN,
    ),
  downloadExpired: () =>
    new PortalProblem(
      403,
      'This download link has expired',
      'Download links work for a few minutes, in the browser that opened the enrollment page.',
      'Go back to the enrollment page to get a new link.',
      true,
    ),
  noPushCertificate: () =>
    new PortalProblem(
      503,
      'Enrollment is not set up yet',
      'This server has no MDM push certificate, so it cannot give out the management profile.',
      'Tell IT: upload the MDM push certificate in Settings (or set enrollment.apns).',
    ),
  insecureUrls: () =>
    new PortalProblem(
      503,
      'Enrollment is not set up yet',
      'This server would tell your Mac to reach it over an unencrypted http:// address, which macOS refuses for device management.',
      'Tell IT: serve Backstage over https (backend.baseUrl), or set enrollment.allowInsecureUrls for a demo.',
    ),
  formUnreadable: (status: number, kind: RefusalKind) =>
    new PortalProblem(
      status,
      'The form could not be read',
      FORM_REFUSALS[kind],
      START_AGAIN,
    ),
  pageNotFound: () =>
    new PortalProblem(
      404,
      'This page does not exist',
      'The address is not part of the enrollment portal.',
      'Start again from the enrollment page.',
    ),
  directoryUnavailable: () =>
    new PortalProblem(
      503,
      'We cannot check your account right now',
      'The company directory did not answer. Try again in a few minutes.',
      'If it keeps happening, contact IT.',
    ),
  unexpected: () =>
    new PortalProblem(
      500,
      'Something went wrong',
      'The enrollment page hit an unexpected problem. Try again in a few minutes.',
      'If it keeps happening, contact IT.',
    ),
};
