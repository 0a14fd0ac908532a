import forge from 'node-forge';
import {
  CertificateStore,
  IssuedCertificate,
} from '../database/CertificateStore';
import { verifyCms } from '../pki/cms';
import { CertificateAuthority } from '../pki/CertificateAuthority';
import { certificateSha256, certificateToDer } from '../pki/nativeSigning';

/**
 * Why a message's identity was refused, with the HTTP status to answer.
 * Never 401: Apple treats it as "unenroll" (nanomdm answers 400 for the same reason).
 */
export class IdentityError extends Error {
  constructor(readonly status: 400 | 403, message: string) {
    super(message);
    this.name = 'IdentityError';
  }
}

export interface DeviceIdentity {
  sha256: string;
  certificate: IssuedCertificate;
}

/**
 * Checks the Mdm-Signature header (base64 detached CMS over the raw body,
 * SignMessage=true in the profile): the signature, that our CA issued the
 * signer, that it is within its validity and neither unknown nor revoked.
 */
export async function verifyDeviceIdentity(options: {
  header: string | undefined;
  body: Buffer;
  ca: CertificateAuthority;
  certificates: CertificateStore;
  now: Date;
}): Promise<DeviceIdentity> {
  const { header, body, ca, now } = options;
  if (!header)
    throw new IdentityError(
      400,
      'The message is not signed (no Mdm-Signature header)',
    );
  let signer: forge.pki.Certificate;
  try {
    ({ signer } = verifyCms(Buffer.from(header, 'base64'), {
      detachedContent: body,
    }));
  } catch (error) {
    throw new IdentityError(
      400,
      `The Mdm-Signature does not verify: ${(error as Error).message}`,
    );
  }
  if (!ca.issued(signer))
    throw new IdentityError(
      403,
      'The signing certificate was not issued by this CA',
    );
  if (now < signer.validity.notBefore || now > signer.validity.notAfter) {
    throw new IdentityError(
      403,
      'The signing certificate is expired or not yet valid',
    );
  }
  const sha256 = certificateSha256(certificateToDer(signer));
  const certificate = await options.certificates.findBySha256(sha256);
  if (!certificate)
    throw new IdentityError(403, 'The signing certificate is unknown here');
  if (certificate.revokedAt)
    throw new IdentityError(403, 'The signing certificate was revoked');
  return { sha256, certificate };
}
