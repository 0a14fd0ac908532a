import { PendingEnrollment } from '../database/EnrollmentStore';
import { DatabaseScepChallengeStore } from '../database/ScepChallengeStore';
import { CertificateAuthority } from '../pki/CertificateAuthority';
import { signCms } from '../pki/cms';
import { createProfileSigner, ProfileSigner } from '../pki/profileSigner';
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
      /** Names the profile-signing certificate. */
      organization: string;
      /** `{base}`, the plugin's external base URL. */
      baseUrl: () => Promise<string>;
      clock?: () => Date;
    },
  ) {}

  // Made on first use: a key generation costs ~240 ms, spent only when
  // someone downloads a profile. Renewed before it expires.
  private signerCache?: ProfileSigner;
  private get signer(): ProfileSigner {
    const soon = Date.now() + 30 * 24 * 3600_000;
    if (
      !this.signerCache ||
      this.signerCache.certificate.validity.notAfter.getTime() < soon
    ) {
      this.signerCache = createProfileSigner(this.deps.ca, this.organization);
    }
    return this.signerCache;
  }

  private get organization() {
    return this.deps.organization;
  }

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
      signer: this.signer.certificate,
      key: this.signer.key,
      certificates: this.signer.chain,
    });
  }
}
