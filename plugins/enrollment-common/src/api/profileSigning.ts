import { z } from 'zod';

/**
 * `PUT /profile-signing`: a third-party signing identity as a `.p12`
 * (base64) with its password. A .p12 of a certificate, its intermediates
 * and key is a few KB; 256 KB of base64 leaves room for long chains.
 *
 * @public
 */
export const profileSigningUploadSchema = z.strictObject({
  p12: z
    .string()
    .min(1)
    .max(256 * 1024)
    .regex(/^[A-Za-z0-9+/=\s]+$/, 'the .p12 must be base64'),
  password: z.string().max(1024).default(''),
});

/** @public */
export type ProfileSigningUpload = z.input<typeof profileSigningUploadSchema>;

/**
 * What signs the enrollment profiles, as `GET /profile-signing` shows it.
 * `ca`: a leaf of the plugin's own CA (the default; macOS shows the profile
 * as unverified until the CA is trusted); `config`: `enrollment.profileSigning`;
 * `upload`: a .p12 an admin uploaded. Nothing secret.
 *
 * @public
 */
export interface ProfileSigningSummary {
  source: 'config' | 'upload' | 'ca';
  subject: string;
  issuer: string;
  /** ISO-8601. */
  notAfter: string;
  /** True once notAfter has passed: macOS shows the profile as not verified. */
  expired: boolean;
  /** Subjects of the certificates the profile carries, the signer's first. */
  chain: string[];
}
