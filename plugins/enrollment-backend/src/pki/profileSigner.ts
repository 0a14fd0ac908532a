import { generateKeyPairSync, KeyObject } from 'node:crypto';
import forge from 'node-forge';
import { CertificateAuthority } from './CertificateAuthority';
import { issueLeafCertificate } from './issueCertificate';

/** The certificate and key that sign enrollment profiles, with the CA for the chain. */
export interface ProfileSigner {
  certificate: forge.pki.Certificate;
  key: KeyObject;
  chain: forge.pki.Certificate[];
}

/**
 * A profile-signing certificate issued by the CA at start-up. The CA itself
 * may only sign certificates (keyCertSign), which S/MIME verifiers refuse as
 * a CMS signer ("unsuitable certificate purpose"); a leaf with
 * digitalSignature chains to the CA the Mac trusts, so the profile shows as
 * verified once the CA is installed.
 */
export function createProfileSigner(
  ca: CertificateAuthority,
  organization: string,
): ProfileSigner {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
  });
  const certificate = issueLeafCertificate({
    ca,
    publicKey: forge.pki.publicKeyFromPem(
      publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    ),
    subject: [
      { shortName: 'O', value: organization },
      { shortName: 'CN', value: `${organization} Profile Signing` },
    ],
    lifetimeDays: 365,
    usage: 'profile-signing',
  });
  return { certificate, key: privateKey, chain: [certificate, ca.certificate] };
}
