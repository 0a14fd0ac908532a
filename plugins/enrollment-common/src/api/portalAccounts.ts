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

/**
 * `POST /portal-accounts`: a new local portal account.
 *
 * @public
 */
export const createPortalAccountRequestSchema = z.strictObject({
  username,
  password,
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
});

/** @public */
export type UpdatePortalAccountRequest = z.infer<
  typeof updatePortalAccountRequestSchema
>;
