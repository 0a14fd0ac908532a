import { InputError } from '@backstage/errors';
import {
  ENROLLMENT_EVENT_CATEGORIES,
  INVITATION_STATUSES,
  InvitationStatus,
  PORTAL_SETTINGS_LIMITS,
} from '@macenroll/plugin-enrollment-common';
import { z } from 'zod';

export const MAX_RECIPIENTS = 1000;

const id = z.string().trim().min(1).max(64);

export const createInvitationBody = z.strictObject({
  recipients: z
    .array(
      z.string({
        error: 'each recipient must be an email address in a string',
      }),
    )
    .max(
      MAX_RECIPIENTS,
      `an invitation can have at most ${MAX_RECIPIENTS} recipients`,
    ),
  expiresAt: z.iso.datetime({
    offset: true,
    error:
      'expiresAt must be an ISO-8601 date and time, e.g. 2026-12-31T23:59:59Z',
  }),
  requireLogin: z.boolean(),
  multipleUses: z.boolean(),
  siteId: id.optional(),
  keepExistingSite: z.boolean().optional(),
  subject: z.string().trim().max(200).optional(),
  message: z.string().max(5000).optional(),
});

export const resendBody = z.strictObject({
  recipients: z.array(z.string()).max(MAX_RECIPIENTS).optional(),
});

export const emptyBody = z.strictObject({});

export const siteBody = z.strictObject({
  name: z
    .string()
    .trim()
    .min(1, 'a site needs a name')
    .max(PORTAL_SETTINGS_LIMITS.siteName),
});

export const testMailBody = z.strictObject({
  to: z.string().trim().min(3).max(320),
});

const commaList = z.string().transform(s =>
  s
    .split(',')
    .map(v => v.trim())
    .filter(Boolean),
);

export const listInvitationsQuery = z.strictObject({
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  orderBy: z
    .enum(['createdAt', 'expiresAt', 'timesUsed', 'status'])
    .default('createdAt'),
  order: z.enum(['asc', 'desc']).default('desc'),
  status: commaList
    .pipe(
      z.array(
        z.enum(
          INVITATION_STATUSES as [InvitationStatus, ...InvitationStatus[]],
        ),
      ),
    )
    .optional(),
  siteId: id.optional(),
  search: z.string().trim().max(200).optional(),
});

export const listComputersQuery = z.strictObject({
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  siteId: id.optional(),
  search: z.string().trim().max(200).optional(),
});

export const listEventsQuery = z.strictObject({
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  category: z.enum(ENROLLMENT_EVENT_CATEGORIES).optional(),
  invitationId: id.optional(),
  computerId: id.optional(),
  search: z.string().trim().max(200).optional(),
});

/** Parses input or throws an InputError that says what to fix, field by field. */
export function parseInput<T extends z.ZodType>(
  schema: T,
  input: unknown,
  what: string,
): z.infer<T> {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  const problems = result.error.issues.map(issue => {
    const path = issue.path.join('.');
    return path ? `${path}: ${issue.message}` : issue.message;
  });
  throw new InputError(`Invalid ${what}: ${problems.join('; ')}`);
}
