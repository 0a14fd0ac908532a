import { X509Certificate } from 'node:crypto';
import { ServiceUnavailableError } from '@backstage/errors';
import { PendingEnrollment } from '../database/EnrollmentStore';
import { ScepChallengeStore } from '../database/ScepChallengeStore';
import { CertificateAuthority } from '../pki/CertificateAuthority';
import { signCms } from '../pki/cms';
import { CaProfileSigner, ProfileSigner } from '../pki/profileSigner';
import { ENROLLMENT_PROFILE_IDENTIFIER } from './commands';
import { buildEnrollmentProfile } from './enrollmentProfile';

/** Why no profile can be given out, worded for the person and for IT. */
export type ProfileProblem =
  | { kind: 'no-topic' }
  | { kind: 'insecure-urls'; url: string };

/** Thrown by signedProfile when no usable profile can be given out. */
export class ProfileUnavailableError extends ServiceUnavailableError {
  constructor(readonly problem: ProfileProblem) {
    super(
      problem.kind === 'no-topic'
        ? 'No MDM push certificate or enrollment.topic is set'
        : `The MDM and SCEP URLs would be ${problem.url}, not https`,
    );
  }
}

/** How long a profile's SCEP challenge works: enough to install it, no more. */
export const CHALLENGE_TTL_MS = 60 * 60_000;

/** Builds and signs the enrollment profile of one portal enrollment. */
export class EnrollmentProfileService {
  constructor(
    private readonly deps: {
      ca: CertificateAuthority;
      challenges: ScepChallengeStore;
      /** The APNs topic; without it there is no profile to give. */
      topic: () => Promise<string | undefined>;
      /** Give out http:// MDM and SCEP URLs (the demo only): macOS refuses them. */
      allowInsecureUrls: boolean;
      /** The server's TLS chain (PEM) when it is not publicly trusted. */
      tlsTrustPem: string[];
      /** Names our CA's profile-signing certificate. */
      organization: string;
      /**
       * The identity that signs profiles, its chain embedded: ProfileSigning's
       * (a third-party one from config or upload, else our CA's leaf).
       * Default: our CA's leaf.
       */
      signer?: () => Promise<ProfileSigner>;
      /** `{base}`, the plugin's external base URL. */
      baseUrl: () => Promise<string>;
      clock?: () => Date;
    },
  ) {}

  // Our CA's leaf unless a signer is given (ProfileSigning's).
  private caSigner?: CaProfileSigner;
  private signer(): Promise<ProfileSigner> {
    if (this.deps.signer) return this.deps.signer();
    this.caSigner ??= new CaProfileSigner(this.deps.ca, this.deps.organization);
    return this.caSigner.get();
  }

  private tlsTrustDerCache?: Buffer[];
  private get tlsTrustDer(): Buffer[] {
    this.tlsTrustDerCache ??= this.deps.tlsTrustPem.map(
      pem => new X509Certificate(pem).raw,
    );
    return this.tlsTrustDerCache;
  }

  /** What keeps the server from giving out a profile a Mac could use, if anything. */
  async problem(): Promise<ProfileProblem | undefined> {
    const ready = await this.readiness();
    return 'problem' in ready ? ready.problem : undefined;
  }

  /** The topic and base URL a profile needs, each read once, or what is wrong. */
  private async readiness(): Promise<
    { topic: string; base: string } | { problem: ProfileProblem }
  > {
    const topic = await this.deps.topic();
    if (!topic) return { problem: { kind: 'no-topic' } };
    const base = await this.deps.baseUrl();
    if (!base.startsWith('https://') && !this.deps.allowInsecureUrls) {
      return { problem: { kind: 'insecure-urls', url: base } };
    }
    return { topic, base };
  }

  /**
   * A signed .mobileconfig (CMS SignedData, DER) with a fresh single-use
   * challenge. For a renewal (`computerId`), the identity SCEP issues with
   * it belongs to that computer from the start.
   *
   * @throws ProfileUnavailableError when no push topic is set or the URLs
   *   would not be https.
   */
  async signedProfile(
    enrollment: Pick<PendingEnrollment, 'id' | 'user'>,
    options: {
      organization: string;
      computerId?: string;
      /** How long its challenge works; a renewal waits for a Mac that may be asleep. */
      challengeTtlMs?: number;
    },
  ): Promise<Buffer> {
    const now = this.deps.clock?.() ?? new Date();
    const ready = await this.readiness();
    if ('problem' in ready) throw new ProfileUnavailableError(ready.problem);
    const { topic, base } = ready;
    const challenge = await this.deps.challenges.mint(
      enrollment.id,
      options.challengeTtlMs ?? CHALLENGE_TTL_MS,
      now,
      options.computerId,
    );
    const xml = buildEnrollmentProfile({
      organization: options.organization,
      topic,
      tlsTrustDer: this.tlsTrustDer,
      serverUrl: `${base}/mdm/connect`,
      checkInUrl: `${base}/mdm/checkin`,
      scepUrl: `${base}/scep`,
      challenge,
      // The CA travels in every profile: the Mac needs no separate step.
      caCertificateDer: this.deps.ca.certificateDer,
      identityName:
        enrollment.user.realName ?? enrollment.user.username ?? 'Mac',
      identifierPrefix: ENROLLMENT_PROFILE_IDENTIFIER,
    });
    const signer = await this.signer();
    return signCms({
      content: Buffer.from(xml, 'utf8'),
      signer: signer.certificate,
      key: signer.key,
      certificates: signer.chain,
    });
  }
}
