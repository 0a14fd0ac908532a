import { z } from 'zod';
import { PORTAL_PASSWORD_MIN_LENGTH } from '../types';

const username = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9._@-]+$/, 'use letters, digits and . _ @ - only');

const password = z
  .string()
  .min(
    PORTAL_PASSWORD_MIN_LENGTH,
    `use at least ${PORTAL_PASSWORD_MIN_LENGTH} characters`,
  )
  .max(1024);

/** The person an account stands for; an empty string clears the field. */
const realName = z.string().trim().max(255);
const email = z.union([
  z.literal(''),
  z.email('give an e-mail address such as alice@example.com').max(254),
]);

/**
 * `POST /portal-accounts`: a new local portal account.
 *
 * @public
 */
export const createPortalAccountRequestSchema = z.strictObject({
  username,
  password,
  /** The person's full name, recorded as the enrolled Mac's user. */
  realName: realName.optional(),
  /** The person's e-mail, recorded as the enrolled Mac's user's. */
  email: email.optional(),
});

/** @public */
export type CreatePortalAccountRequest = z.infer<
  typeof createPortalAccountRequestSchema
>;

/**
 * `PATCH /portal-accounts/:username`: what to change of a local portal
 * account; absent fields stay as they are.
 *
 * @public
 */
export const updatePortalAccountRequestSchema = z.strictObject({
  disabled: z.boolean().optional(),
  /** A new password, at least `PORTAL_PASSWORD_MIN_LENGTH` characters. */
  password: password.optional(),
  /** Whether the account may re-enroll a Mac recorded as someone else's. */
  mayReenrollAnyMac: z.boolean().optional(),
  /** The person's full name; `''` clears it. */
  realName: realName.optional(),
  /** The person's e-mail; `''` clears it. */
  email: email.optional(),
});

/** @public */
export type UpdatePortalAccountRequest = z.infer<
  typeof updatePortalAccountRequestSchema
>;
