import {
  InvitationDetails,
  PortalTextKey,
} from '@macenroll/plugin-enrollment-common';
import { RefusalKind } from '../lib/requestRefusal';

/** What a problem page says: a title, what happened, what to do next. */
export interface ProblemTexts {
  title: PortalTextKey;
  detail: PortalTextKey;
  next?: PortalTextKey;
}

/**
 * What the portal shows instead of the page asked for: an HTTP status and
 * the person's words, as portal text keys (so each language and each
 * admin's wording applies). Thrown by the portal's parts, rendered as a
 * page by its router.
 */
export class PortalProblem extends Error {
  readonly name = 'PortalProblem';
  constructor(
    readonly status: number,
    readonly texts: ProblemTexts,
    /** Values of the texts' placeholders; `{organization}` is always there. */
    readonly values: Record<string, string> = {},
    /** Offer a button back to the portal's page (where a new link waits). */
    readonly backToPortal = false,
  ) {
    super(texts.detail);
  }
}

/** Why a form was refused, in the person's words. */
const FORM_REFUSALS: Record<RefusalKind, PortalTextKey> = {
  'too-large': 'problem.formTooLarge.detail',
  'too-many-fields': 'problem.formTooLarge.detail',
  encoding: 'problem.formEncoding.detail',
  unreadable: 'problem.formDamaged.detail',
  invalid: 'problem.formDamaged.detail',
};

/** Why an invitation cannot be used: its text and values; undefined when it can. */
export type InvitationReason = {
  detail: PortalTextKey;
  values?: Record<string, string>;
};

export function invitationProblem(
  invitation: InvitationDetails,
): InvitationReason | undefined {
  switch (invitation.status) {
    case 'expired':
      return {
        detail: 'problem.invitationExpired.detail',
        values: { date: new Date(invitation.expiresAt).toUTCString() },
      };
    case 'cancelled':
      return { detail: 'problem.invitationCancelled.detail' };
    case 'used':
      return { detail: 'problem.invitationUsed.detail' };
    default:
      return undefined;
  }
}

const TRY_LATER: PortalTextKey = 'problem.tryLater.next';
const START_AGAIN: PortalTextKey = 'problem.startAgain';
const NOT_SET_UP: PortalTextKey = 'problem.notSetUp.title';
const UNUSABLE: PortalTextKey = 'problem.invitationUnusable.title';

/** Every problem the portal answers with, in one place. */
export const problems = {
  closed: () =>
    new PortalProblem(503, {
      title: 'problem.closed.title',
      detail: 'problem.closed.detail',
      next: 'problem.closed.next',
    }),
  invitationNotFound: () =>
    new PortalProblem(404, {
      title: 'problem.invitationNotFound.title',
      detail: 'problem.invitationNotFound.detail',
      next: 'problem.invitationNotFound.next',
    }),
  /** `reason` from invitationProblem; without one the invitation is gone. */
  invitationUnusable: (reason?: InvitationReason) =>
    new PortalProblem(
      410,
      {
        title: UNUSABLE,
        detail: reason?.detail ?? 'problem.invitationGone.detail',
      },
      reason?.values,
    ),
  invitationUsedUp: () =>
    new PortalProblem(410, {
      title: UNUSABLE,
      detail: 'problem.invitationUsed.detail',
    }),
  invitationInUse: () =>
    new PortalProblem(409, {
      title: 'problem.invitationInUse.title',
      detail: 'problem.invitationInUse.detail',
      next: 'problem.invitationInUse.next',
    }),
  sessionExpired: () =>
    new PortalProblem(403, {
      title: 'problem.sessionExpired.title',
      detail: 'problem.sessionExpired.detail',
      next: START_AGAIN,
    }),
  downloadExpired: () =>
    new PortalProblem(
      403,
      {
        title: 'problem.downloadExpired.title',
        detail: 'problem.downloadExpired.detail',
        next: 'problem.downloadExpired.next',
      },
      {},
      true,
    ),
  noPushCertificate: () =>
    new PortalProblem(503, {
      title: NOT_SET_UP,
      detail: 'problem.noPushCertificate.detail',
      next: 'problem.noPushCertificate.next',
    }),
  insecureUrls: () =>
    new PortalProblem(503, {
      title: NOT_SET_UP,
      detail: 'problem.insecureUrls.detail',
      next: 'problem.insecureUrls.next',
    }),
  formUnreadable: (status: number, kind: RefusalKind) =>
    new PortalProblem(status, {
      title: 'problem.formUnreadable.title',
      detail: FORM_REFUSALS[kind],
      next: START_AGAIN,
    }),
  pageNotFound: () =>
    new PortalProblem(404, {
      title: 'problem.pageNotFound.title',
      detail: 'problem.pageNotFound.detail',
      next: 'problem.pageNotFound.next',
    }),
  /** With a way back: the login form, to try again or use a local account. */
  directoryUnavailable: () =>
    new PortalProblem(
      503,
      {
        title: 'problem.directoryUnavailable.title',
        detail: 'problem.directoryUnavailable.detail',
        next: TRY_LATER,
      },
      {},
      true,
    ),
  serviceUnavailable: () =>
    new PortalProblem(
      503,
      {
        title: 'problem.serviceUnavailable.title',
        detail: 'problem.serviceUnavailable.detail',
        next: TRY_LATER,
      },
      {},
      true,
    ),
  unexpected: () =>
    new PortalProblem(500, {
      title: 'problem.unexpected.title',
      detail: 'problem.unexpected.detail',
      next: TRY_LATER,
    }),
};
