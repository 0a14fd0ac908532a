import { createApiRef } from '@backstage/core-plugin-api';

/**
 * What an admin sees of the enrollment CA; nothing secret.
 *
 * @public
 */
export interface CaSummary {
  subject: string;
  serialNumber: string;
  notBefore: string;
  notAfter: string;
  sha256Fingerprint: string;
}

/**
 * The enrollment backend's admin API.
 *
 * @public
 */
export interface EnrollmentApi {
  getCaSummary(): Promise<CaSummary>;
}

/**
 * The ApiRef of {@link EnrollmentApi}.
 *
 * @public
 */
export const enrollmentApiRef = createApiRef<EnrollmentApi>({
  id: 'plugin.enrollment.api',
});
