import { generateKeyPair, KeyObject } from 'node:crypto';
import { promisify } from 'node:util';
import forge from 'node-forge';
import { CertificateAuthority } from './CertificateAuthority';
import { issueLeafCertificate } from './issueCertificate';

/** The certificate and key that sign enrollment profiles, with the CA for the chain. */
export interface ProfileSigner {
  certificate: forge.pki.Certificate;
  key: KeyObject;
  chain: forge.pki.Certificate[];
}

const generateRsaKeyPair = promisify(generateKeyPair);

/**
 * A profile-signing certificate issued by the CA. Its key is generated in
 * libuv's thread pool: an RSA-2048 generation costs ~240 ms of CPU, which
 * must not stall the event loop of the request that first needs it. The CA itself
 * may only sign certificates (keyCertSign), which S/MIME verifiers refuse as
 * a CMS signer ("unsuitable certificate purpose"); a leaf with
 * digitalSignature chains to the CA the Mac trusts, so the profile shows as
 * verified once the CA is installed.
 */
export async function createProfileSigner(
  ca: CertificateAuthority,
  organization: string,
): Promise<ProfileSigner> {
  const { publicKey, privateKey } = await generateRsaKeyPair('rsa', {
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

/**
 * The CA's profile signer, made on first use, off the event loop (see
 * createProfileSigner), and shared by the downloads that wait for it.
 * Renewed 30 days before it expires; a failed generation is tried again by
 * the next caller.
 */
export class CaProfileSigner {
  private cache?: Promise<ProfileSigner>;
  private notAfter = 0;

  constructor(
    private readonly ca: CertificateAuthority,
    private readonly organization: string,
  ) {}

  get(): Promise<ProfileSigner> {
    const soon = Date.now() + 30 * 24 * 3600_000;
    if (!this.cache || this.notAfter < soon) {
      const created = createProfileSigner(this.ca, this.organization);
      this.notAfter = Number.POSITIVE_INFINITY;
      this.cache = created.then(signer => {
        this.notAfter = signer.certificate.validity.notAfter.getTime();
        return signer;
      });
      this.cache.catch(() => {
        this.cache = undefined;
      });
    }
    return this.cache;
  }
}
