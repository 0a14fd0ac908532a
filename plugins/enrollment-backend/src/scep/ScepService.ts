import { LoggerService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import type { IssuedCertificateRecord } from '../database/CertificateStore';
import type { ScepChallengeStore } from '../database/ScepChallengeStore';
import { CertificateAuthority } from '../pki/CertificateAuthority';
import { issueDeviceCertificate } from '../pki/issueCertificate';
import { formatName } from '../pki/nameFields';
import { certificateSha256, certificateToDer } from '../pki/nativeSigning';
import { buildCertRep } from './certRep';
import { parsePkiRequest, PkiRequest } from './pkiMessage';
import { CA_CAPABILITIES, FailInfo, MESSAGE_TYPE } from './scepConstants';

/** The identities already issued, for RenewalReq (signed by the current one). */
export interface IssuedIdentityLookup {
  findBySha256(sha256: string): Promise<
    | {
        enrollmentId: string;
        computerId?: string;
        notAfter: Date;
        revokedAt?: Date;
      }
    | undefined
  >;
}

/** Keeps a record of every certificate the CA issues. */
export interface IssuedCertificateRecorder {
  record(cert: IssuedCertificateRecord): Promise<void>;
}

/** Where issued and refused requests are noted for admins (the activity log). */
export interface ScepActivity {
  record(event: {
    type: 'scep.issued' | 'scep.refused';
    actor?: string;
    message: string;
    data?: Record<string, unknown>;
  }): Promise<void>;
}

export interface ScepServiceOptions {
  ca: CertificateAuthority;
  /** Only redeemed here: the enrollment profile mints them. */
  challenges: Pick<ScepChallengeStore, 'redeem'>;
  recorder: IssuedCertificateRecorder;
  /** Renewal (RenewalReq) is honoured only with this. */
  identities?: IssuedIdentityLookup;
  activity?: ScepActivity;
  /** Validity of issued device certificates; default 365 days. */
  lifetimeDays?: number;
  clock?: () => Date;
  logger?: LoggerService;
}

/**
 * The SCEP CA (RFC 8894): capabilities, CA certificate, and PKIOperation,
 * which turns a signed, encrypted PKCSReq with a valid one-time challenge
 * into a device certificate. Storage is injected so the database side can be
 * plugged in separately.
 */
export class ScepService {
  private readonly lifetimeDays: number;

  constructor(private readonly options: ScepServiceOptions) {
    this.lifetimeDays = options.lifetimeDays ?? 365;
    if (!Number.isInteger(this.lifetimeDays) || this.lifetimeDays < 1) {
      throw new InputError(
        'The SCEP certificate lifetime must be a whole number of days, at least 1',
      );
    }
  }

  /** The GetCACaps answer: one keyword a line (RFC 8894 §3.5.2). */
  capabilities(): string {
    return `${CA_CAPABILITIES.join('\n')}\n`;
  }

  /** The GetCACert answer: the CA certificate's DER (RFC 8894 §4.2.1.1). */
  caCertificate(): Buffer {
    return this.options.ca.certificateDer;
  }

  /**
   * Answers a PKIOperation with a DER CertRep.
   *
   * @throws InputError when the message is not a validly signed PKIMessage
   *   (the edge answers HTTP 400: there is no verified requester to reply to).
   */
  async pkiOperation(der: Buffer): Promise<Buffer> {
    const { ca, logger } = this.options;
    const now = this.options.clock?.() ?? new Date();
    const request = parsePkiRequest(der, ca);

    const fail = async (failInfo: FailInfo, reason: string) => {
      logger?.info(
        `SCEP request refused (${failInfo}): ${reason}; transaction ${request.transactionId}`,
      );
      await this.options.activity?.record({
        type: 'scep.refused',
        message: `SCEP request refused: ${reason}`,
        data: { failInfo, transactionId: request.transactionId },
      });
      return buildCertRep({ ca, request, status: 'FAILURE', failInfo, now });
    };

    if (request.messageType === MESSAGE_TYPE.RenewalReq) {
      if (request.problem) {
        return fail(request.problem.failInfo, request.problem.reason);
      }
      return this.renew(request, now, fail);
    }
    if (request.messageType !== MESSAGE_TYPE.PKCSReq) {
      // CertPoll (20, GetCertInitial), GetCert, GetCRL, UpdateReq: this CA
      // never answers PENDING and keeps no CRL.
      return fail(
        'badRequest',
        `messageType ${request.messageType} is not supported`,
      );
    }
    if (request.problem) {
      return fail(request.problem.failInfo, request.problem.reason);
    }
    return this.enroll(request, now, fail);
  }

  private async enroll(
    request: PkiRequest,
    now: Date,
    fail: (failInfo: FailInfo, reason: string) => Promise<Buffer>,
  ): Promise<Buffer> {
    const { challenges } = this.options;
    const csr = request.csr;
    if (!csr?.publicKey) {
      return fail('badMessageCheck', 'The request carries no CSR');
    }
    if (csr.subject.attributes.length === 0) {
      return fail('badRequest', 'The CSR has an empty subject');
    }
    if (!request.challengePassword) {
      return fail('badRequest', 'The CSR has no challengePassword');
    }
    // Consumed before issuing: a failure after this point costs the device
    // its challenge, never lets one challenge yield two certificates.
    const redeemed = await challenges.redeem(request.challengePassword, now);
    if (!redeemed) {
      return fail('badRequest', 'The challenge is unknown, used or expired');
    }

    return this.issue(request, now, {
      enrollmentId: redeemed.enrollmentId,
      computerId: redeemed.computerId,
    });
  }

  /**
   * RenewalReq (RFC 8894 §3.3.1.2): no challenge; the request is signed by
   * the identity being renewed, which must be ours, live and bound to a Mac.
   * The new identity belongs to the same enrollment and Mac.
   */
  private async renew(
    request: PkiRequest,
    now: Date,
    fail: (failInfo: FailInfo, reason: string) => Promise<Buffer>,
  ): Promise<Buffer> {
    const { ca, identities } = this.options;
    if (!identities) return fail('badRequest', 'Renewal is not supported');
    const signer = request.signerCertificate;
    const current = ca.issued(signer)
      ? await identities.findBySha256(
          certificateSha256(certificateToDer(signer)),
        )
      : undefined;
    if (!current || current.revokedAt || current.notAfter <= now) {
      return fail(
        'badCertID',
        'A renewal must be signed by a live identity this CA issued',
      );
    }
    if (!current.computerId) {
      return fail('badCertID', 'The identity to renew belongs to no Mac yet');
    }
    if (!request.csr?.publicKey) {
      return fail('badMessageCheck', 'The request carries no CSR');
    }
    return this.issue(request, now, {
      enrollmentId: current.enrollmentId,
      computerId: current.computerId,
      renewal: true,
    });
  }

  private async issue(
    request: PkiRequest,
    now: Date,
    owner: { enrollmentId: string; computerId?: string; renewal?: boolean },
  ): Promise<Buffer> {
    const { ca, recorder, logger } = this.options;
    const csr = request.csr!;
    const issued = issueDeviceCertificate({
      ca,
      publicKey: csr.publicKey!,
      subject: csr.subject.attributes,
      lifetimeDays: this.lifetimeDays,
      now,
    });
    const certificateDer = certificateToDer(issued);
    const subject = formatName(csr.subject.attributes);
    await recorder.record({
      serialNumber: issued.serialNumber,
      enrollmentId: owner.enrollmentId,
      computerId: owner.computerId,
      subject,
      notBefore: issued.validity.notBefore,
      notAfter: issued.validity.notAfter,
      sha256: certificateSha256(certificateDer),
      certificateDer,
    });
    logger?.info(
      `SCEP issued certificate ${
        issued.serialNumber
      } to "${subject}" for enrollment ${owner.enrollmentId}${
        owner.computerId ? ` (computer ${owner.computerId})` : ''
      }`,
    );
    await this.options.activity?.record({
      type: 'scep.issued',
      message: `${
        owner.renewal || owner.computerId ? 'Renewed' : 'Issued'
      } a device certificate to "${subject}"`,
      data: {
        serialNumber: issued.serialNumber,
        enrollmentId: owner.enrollmentId,
        computerId: owner.computerId ?? null,
        notAfter: issued.validity.notAfter.toISOString(),
      },
    });
    return buildCertRep({ ca, request, status: 'SUCCESS', issued, now });
  }
}
