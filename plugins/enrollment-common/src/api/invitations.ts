import { z } from 'zod';
import { INVITATION_STATUSES } from '../types';
import { deviceRulesSchema, MAX_SERIAL_ALLOWLIST } from './deviceRules';
import {
  commaListSchema,
  idSchema,
  listQueryString,
  pageFields,
  searchSchema,
} from './query';

/**
 * The most recipients one invitation may have; the backend refuses more.
 *
 * @public
 */
export const MAX_INVITATION_RECIPIENTS = 10_000;

/**
 * `POST /invitations`: what the backend validates and the admin page sends.
 * Unknown keys are refused; recipients are checked as addresses by the
 * backend, which names every invalid one.
 *
 * @public
 */
export const createInvitationRequestSchema = z.strictObject({
  recipients: z
    .array(
      z.string({
        error: 'each recipient must be an email address in a string',
      }),
    )
    .max(
      MAX_INVITATION_RECIPIENTS,
      `an invitation can have at most ${MAX_INVITATION_RECIPIENTS} recipients`,
    ),
  expiresAt: z.iso.datetime({
    offset: true,
    error:
      'expiresAt must be an ISO-8601 date and time, e.g. 2026-12-31T23:59:59Z',
  }),
  requireLogin: z.boolean(),
  multipleUses: z.boolean(),
  siteId: idSchema.optional(),
  /** Whether a re-enrolling computer keeps the site it already has. */
  keepExistingSite: z.boolean().optional(),
  subject: z.string().trim().max(200).optional(),
  message: z.string().max(5000).optional(),
  /**
   * Only Macs with these serial numbers may enroll with the invitation;
   * the backend trims, upper-cases and merges them, and names the first
   * entry that is no serial number.
   */
  serialNumbers: z
    .array(z.string({ error: 'each serial number must be a string' }).max(64))
    .max(
      MAX_SERIAL_ALLOWLIST,
      `an invitation can list at most ${MAX_SERIAL_ALLOWLIST} serial numbers`,
    )
    .optional(),
  /** What a Mac must be to enroll with it, on top of its site's rules. */
  deviceRules: deviceRulesSchema.optional(),
});

/** @public */
export type CreateInvitationRequest = z.infer<
  typeof createInvitationRequestSchema
>;

/**
 * `POST /invitations/:id/resend`: the recipients to send to again; none
 * means every recipient whose mail failed.
 *
 * @public
 */
export const resendInvitationRequestSchema = z.strictObject({
  recipients: z.array(z.string()).max(MAX_INVITATION_RECIPIENTS).optional(),
});

/** @public */
export type ResendInvitationRequest = z.infer<
  typeof resendInvitationRequestSchema
>;

/**
 * `GET /invitations/:id/link`: whose link to show; none means the
 * invitation's own.
 *
 * @public
 */
export const invitationLinkQuerySchema = z.strictObject({
  recipient: z.string().trim().min(1).max(320).optional(),
});

/**
 * `GET /invitations`: the query the backend parses from the query string,
 * with its defaults (the newest 25 first) and limits.
 *
 * @public
 */
export const listInvitationsQuerySchema = z.strictObject({
  ...pageFields,
  orderBy: z
    .enum(['createdAt', 'expiresAt', 'timesUsed', 'status'])
    .default('createdAt'),
  order: z.enum(['asc', 'desc']).default('desc'),
  status: commaListSchema.pipe(z.array(z.enum(INVITATION_STATUSES))).optional(),
  siteId: idSchema.optional(),
  /**
   * Matches recipients' addresses (substring, case-insensitive), or the
   * invitation's number (`42` or `#42`).
   */
  search: searchSchema,
});

/** @public */
export type InvitationOrderBy = z.infer<
  typeof listInvitationsQuerySchema
>['orderBy'];

/**
 * What a caller asks of the invitation list; absent values take the
 * defaults of {@link listInvitationsQuerySchema}.
 *
 * @public
 */
export type ListInvitationsQuery = Partial<
  z.infer<typeof listInvitationsQuerySchema>
>;

/**
 * The query string of `GET /invitations` (`''` or `?…`), statuses
 * comma-separated: what {@link listInvitationsQuerySchema} reads back.
 *
 * @public
 */
export function toInvitationsQueryString(query: ListInvitationsQuery): string {
  return listQueryString(listInvitationsQuerySchema, query);
}
