import forge from 'node-forge';
import { isContext, sequenceNode, toDerBuffer } from './der';

// Exported by forge's pki module but missing from @types/node-forge.
const getTBSCertificate = (
  forge.pki as unknown as {
    getTBSCertificate(c: forge.pki.Certificate): forge.asn1.Asn1;
  }
).getTBSCertificate;

function tbsOf(certificate: forge.pki.Certificate): forge.asn1.Asn1[] {
  const tbs =
    (certificate as unknown as { tbsCertificate?: forge.asn1.Asn1 })
      .tbsCertificate ?? getTBSCertificate(certificate);
  return tbs.value as forge.asn1.Asn1[];
}

/**
 * The certificate's issuer Name and serialNumber INTEGER exactly as encoded
 * in it. forge re-encodes names from its parsed fields (and encodes UTF8String
 * values twice), while Go's pkcs7 and OpenSSL match IssuerAndSerialNumber
 * byte for byte against the certificate, so the original nodes are used.
 */
export function issuerAndSerialOf(certificate: forge.pki.Certificate): {
  issuer: forge.asn1.Asn1;
  serial: forge.asn1.Asn1;
} {
  const tbs = tbsOf(certificate);
  // TBSCertificate: [0] version (optional), serialNumber, signature, issuer, …
  const offset = isContext(tbs[0], 0) ? 1 : 0;
  return { serial: tbs[offset], issuer: tbs[offset + 2] };
}

/** The IssuerAndSerialNumber SEQUENCE of RFC 5652 §10.2.4 for the certificate. */
export function issuerAndSerialNumberNode(
  certificate: forge.pki.Certificate,
): forge.asn1.Asn1 {
  const { issuer, serial } = issuerAndSerialOf(certificate);
  return sequenceNode([issuer, serial]);
}

/** Whether the certificate has this issuer Name and serial (compared as DER). */
export function hasIssuerAndSerial(
  certificate: forge.pki.Certificate,
  issuer: forge.asn1.Asn1,
  serial: forge.asn1.Asn1,
): boolean {
  const own = issuerAndSerialOf(certificate);
  return (
    toDerBuffer(own.serial).equals(toDerBuffer(serial)) &&
    toDerBuffer(own.issuer).equals(toDerBuffer(issuer))
  );
}

/** The subjectKeyIdentifier extension's key id, when the certificate has one. */
export function subjectKeyIdOf(
  certificate: forge.pki.Certificate,
): Buffer | undefined {
  const extension = certificate.getExtension('subjectKeyIdentifier') as
    | { subjectKeyIdentifier?: string }
    | undefined;
  return extension?.subjectKeyIdentifier
    ? Buffer.from(extension.subjectKeyIdentifier, 'hex')
    : undefined;
}
