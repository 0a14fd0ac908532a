import { randomUUID } from 'node:crypto';
import plist from 'plist';

/** What goes into one enrollment profile download. */
export interface EnrollmentProfileInput {
  organization: string;
  /** The APNs topic of the MDM push certificate. */
  topic: string;
  /** `{base}/mdm/connect`, `{base}/mdm/checkin`, `{base}/scep`. */
  serverUrl: string;
  checkInUrl: string;
  scepUrl: string;
  /** The single-use SCEP challenge minted for this download. */
  challenge: string;
  /** The CA certificate (DER), when the profile should install it too. */
  caCertificateDer?: Buffer;
  /**
   * The server's TLS chain (DER) when it is not publicly trusted, so the Mac
   * trusts the check-in URL while the profile installs (micromdm does this).
   */
  tlsTrustDer?: Buffer[];
  /** Names the identity in the SCEP subject, e.g. the user's name. */
  identityName: string;
  /** A stable reverse-DNS prefix for payload identifiers. */
  identifierPrefix: string;
}

/** All 13 access-right bits (com.apple.mdm.yaml): 8191. */
const ALL_ACCESS_RIGHTS = 8191;

type Payload = Record<string, unknown>;

const newUuid = () => randomUUID().toUpperCase();

function caPayload(input: EnrollmentProfileInput, der: Buffer): Payload {
  return {
    PayloadType: 'com.apple.security.root',
    PayloadVersion: 1,
    PayloadIdentifier: `${input.identifierPrefix}.ca`,
    PayloadUUID: newUuid(),
    PayloadDisplayName: `${input.organization} Enrollment CA`,
    PayloadCertificateFileName: 'ca.cer',
    PayloadContent: der,
  };
}

function tlsTrustPayloads(input: EnrollmentProfileInput): Payload[] {
  return (input.tlsTrustDer ?? []).map((der, i) => ({
    PayloadType: 'com.apple.security.pkcs1',
    PayloadVersion: 1,
    PayloadIdentifier: `${input.identifierPrefix}.tls.${i + 1}`,
    PayloadUUID: newUuid(),
    PayloadDisplayName: `${input.organization} server certificate ${i + 1}`,
    PayloadCertificateFileName: `server-${i + 1}.cer`,
    PayloadContent: der,
  }));
}

function scepPayload(input: EnrollmentProfileInput, scepUuid: string): Payload {
  return {
    PayloadType: 'com.apple.security.scep',
    PayloadVersion: 1,
    PayloadIdentifier: `${input.identifierPrefix}.scep`,
    PayloadUUID: scepUuid,
    PayloadDisplayName: 'Device identity',
    PayloadContent: {
      // Apple's client appends ?operation=…, so the URL carries no query.
      URL: input.scepUrl,
      Name: input.organization,
      Challenge: input.challenge,
      Keysize: 2048, // the default is 1024
      'Key Type': 'RSA',
      'Key Usage': 5, // signing (1) + encryption (4)
      Subject: [
        [['O', input.organization]],
        [['CN', `${input.identityName} MDM identity`]],
      ],
    },
  };
}

function mdmPayload(input: EnrollmentProfileInput, scepUuid: string): Payload {
  return {
    PayloadType: 'com.apple.mdm',
    PayloadVersion: 1,
    PayloadIdentifier: `${input.identifierPrefix}.mdm`,
    PayloadUUID: newUuid(),
    PayloadDisplayName: 'Device management',
    IdentityCertificateUUID: scepUuid,
    Topic: input.topic,
    ServerURL: input.serverUrl,
    CheckInURL: input.checkInUrl,
    SignMessage: true,
    AccessRights: ALL_ACCESS_RIGHTS,
    CheckOutWhenRemoved: true,
    ServerCapabilities: [
      'com.apple.mdm.per-user-connections',
      'com.apple.mdm.bootstraptoken',
    ],
  };
}

/**
 * Builds the enrollment .mobileconfig (unsigned XML plist): a System-scope
 * Configuration profile with the CA (optional), a SCEP identity payload and
 * the com.apple.mdm payload pointing at that identity. Fresh UUIDs per
 * download (Apple requires unique PayloadUUIDs, not stable ones).
 */
export function buildEnrollmentProfile(input: EnrollmentProfileInput): string {
  const scepUuid = newUuid();
  const content: Payload[] = [
    ...(input.caCertificateDer
      ? [caPayload(input, input.caCertificateDer)]
      : []),
    ...tlsTrustPayloads(input),
    scepPayload(input, scepUuid),
    mdmPayload(input, scepUuid),
  ];
  return plist.build({
    PayloadType: 'Configuration',
    PayloadVersion: 1,
    PayloadIdentifier: input.identifierPrefix,
    PayloadUUID: newUuid(),
    PayloadScope: 'System',
    PayloadDisplayName: `${input.organization} device management`,
    PayloadDescription: `Enrolls this Mac in ${input.organization}'s device management.`,
    PayloadOrganization: input.organization,
    PayloadContent: content,
  } as plist.PlistValue);
}
