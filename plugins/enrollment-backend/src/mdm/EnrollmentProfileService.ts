import { PendingEnrollment } from '../database/EnrollmentStore';
import { DatabaseScepChallengeStore } from '../database/ScepChallengeStore';
import { CertificateAuthority } from '../pki/CertificateAuthority';
import { signCms } from '../pki/cms';
import { buildEnrollmentProfile } from './enrollmentProfile';

/** How long a profile's SCEP challenge works: enough to install it, no more. */
export const CHALLENGE_TTL_MS = 60 * 60_000;

/** Builds and signs the enrollment profile of one portal enrollment. */
export class EnrollmentProfileService {
  constructor(
    private readonly deps: {
      ca: CertificateAuthority;
      challenges: DatabaseScepChallengeStore;
      /** The APNs topic; without it there is no profile to give. */
      topic?: string;
      /** `{base}`, the plugin's external base URL. */
      baseUrl: () => Promise<string>;
      clock?: () => Date;
    },
  ) {}

  get available(): boolean {
    return Boolean(this.deps.topic);
  }

  /** A signed .mobileconfig (CMS SignedData, DER) with a fresh single-use challenge. */
  async signedProfile(
    enrollment: PendingEnrollment,
    options: { organization: string; includeCa: boolean },
  ): Promise<Buffer> {
    const now = this.deps.clock?.() ?? new Date();
    const base = await this.deps.baseUrl();
    const challenge = await this.deps.challenges.mint(
      enrollment.id,
      CHALLENGE_TTL_MS,
      now,
    );
    const xml = buildEnrollmentProfile({
      organization: options.organization,
      topic: this.deps.topic!,
      serverUrl: `${base}/mdm/connect`,
      checkInUrl: `${base}/mdm/checkin`,
      scepUrl: `${base}/scep`,
      challenge,
      caCertificateDer: options.includeCa
        ? this.deps.ca.certificateDer
        : undefined,
      identityName:
        enrollment.user.realName ?? enrollment.user.username ?? 'Mac',
      identifierPrefix: 'com.macenroll.enrollment',
    });
    return signCms({
      content: Buffer.from(xml, 'utf8'),
      signer: this.deps.ca.certificate,
      key: this.deps.ca.privateKey,
    });
  }
}
