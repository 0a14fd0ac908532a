import { createHash, KeyObject, sign } from 'node:crypto';
import forge from 'node-forge';

const SHA256_WITH_RSA = forge.pki.oids.sha256WithRSAEncryption;

// Exported by forge's pki module but missing from @types/node-forge.
const getTBSCertificate = (
  forge.pki as unknown as {
    getTBSCertificate(c: forge.pki.Certificate): forge.asn1.Asn1;
  }
).getTBSCertificate;

/**
 * Signs a forge certificate with a native RSA key: forge builds the
 * TBSCertificate, node:crypto does the private-key operation (about 90x
 * faster than forge's pure-JS RSA here, see DESIGN.md).
 */
export function signCertificate(
  certificate: forge.pki.Certificate,
  privateKey: KeyObject,
): void {
  certificate.signatureOid = SHA256_WITH_RSA;
  certificate.siginfo.algorithmOid = SHA256_WITH_RSA;
  const tbs = getTBSCertificate(certificate);
  const tbsDer = Buffer.from(forge.asn1.toDer(tbs).getBytes(), 'binary');
  certificate.signature = sign('sha256', tbsDer, privateKey).toString('binary');
  // forge caches the TBS structure it encodes in certificateToAsn1.
  (
    certificate as unknown as { tbsCertificate: forge.asn1.Asn1 }
  ).tbsCertificate = tbs;
}

/** The certificate's DER bytes. */
export function certificateToDer(certificate: forge.pki.Certificate): Buffer {
  return Buffer.from(
    forge.asn1.toDer(forge.pki.certificateToAsn1(certificate)).getBytes(),
    'binary',
  );
}

/** Lowercase hex SHA-256 of a certificate's DER: how issued identities are keyed. */
export function certificateSha256(der: Buffer): string {
  return createHash('sha256').update(der).digest('hex');
}
