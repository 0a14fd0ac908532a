import {
  createHash,
  createPrivateKey,
  createPublicKey,
  KeyObject,
  X509Certificate,
} from 'node:crypto';
import { InputError } from '@backstage/errors';
import forge from 'node-forge';
import { CaMaterial } from './generateCa';
import { certificateToDer } from './nativeSigning';

/** What an admin may see of the CA: nothing secret. */
export interface CaSummary {
  subject: string;
  serialNumber: string;
  notBefore: string;
  notAfter: string;
  sha256Fingerprint: string;
}

/** The loaded CA: its certificate for building structures, its key for signing. */
export class CertificateAuthority {
  readonly certificate: forge.pki.Certificate;
  readonly certificateDer: Buffer;
  readonly privateKey: KeyObject;
  private readonly x509: X509Certificate;

  static fromPem(material: CaMaterial): CertificateAuthority {
    let certificate: forge.pki.Certificate;
    let privateKey: KeyObject;
    try {
      certificate = forge.pki.certificateFromPem(material.certificatePem);
    } catch (error) {
      throw new InputError(
        `The enrollment CA certificate is not a PEM RSA certificate: ${error}`,
      );
    }
    try {
      privateKey = createPrivateKey(material.privateKeyPem);
    } catch {
      // The key's text stays out of the message: it is a secret.
      throw new InputError('The enrollment CA private key is not a PEM key');
    }
    return new CertificateAuthority(certificate, privateKey);
  }

  private constructor(
    certificate: forge.pki.Certificate,
    privateKey: KeyObject,
  ) {
    const publicFromKey = forge.pki.publicKeyFromPem(
      createPublicKey(privateKey)
        .export({ type: 'spki', format: 'pem' })
        .toString(),
    ) as forge.pki.rsa.PublicKey;
    const publicFromCert = certificate.publicKey as forge.pki.rsa.PublicKey;
    if (
      !publicFromCert.n ||
      publicFromCert.n.compareTo(publicFromKey.n) !== 0
    ) {
      throw new InputError(
        'The enrollment CA private key does not belong to the CA certificate',
      );
    }
    this.certificate = certificate;
    this.certificateDer = certificateToDer(certificate);
    this.privateKey = privateKey;
    this.x509 = new X509Certificate(this.certificateDer);
  }

  /**
   * Whether this CA issued the certificate: its issuer names this CA and its
   * signature verifies with the CA key, both checked by OpenSSL (no RSA in
   * JavaScript on the public routes that ask).
   */
  issued(certificate: forge.pki.Certificate): boolean {
    try {
      const child = new X509Certificate(certificateToDer(certificate));
      return child.checkIssued(this.x509) && child.verify(this.x509.publicKey);
    } catch {
      return false;
    }
  }

  summary(): CaSummary {
    return {
      subject: this.certificate.subject.attributes
        .map(a => `${a.shortName ?? a.name}=${a.value}`)
        .join(', '),
      serialNumber: this.certificate.serialNumber,
      notBefore: this.certificate.validity.notBefore.toISOString(),
      notAfter: this.certificate.validity.notAfter.toISOString(),
      sha256Fingerprint: createHash('sha256')
        .update(this.certificateDer)
        .digest('hex')
        .toUpperCase()
        .replace(/(..)(?!$)/g, '$1:'),
    };
  }
}
