import { InputError } from '@backstage/errors';
import forge from 'node-forge';
import { hasIssuerAndSerial, subjectKeyIdOf } from './certificateIdentity';
import { bytesOf, childrenOf, isContext, isUniversal } from './der';

const { asn1 } = forge;

/** The certificates of a SignedData's [0] certificates field that forge can read. */
export function readCertificates(node: forge.asn1.Asn1 | undefined) {
  const certificates: forge.pki.Certificate[] = [];
  for (const child of node && Array.isArray(node.value) ? node.value : []) {
    // CertificateChoices may hold attribute or other certificates ([1]…[3]),
    // and forge reads RSA certificates only: those are skipped, and an
    // unreadable signer ends in "not among the certificates".
    if (!isUniversal(child, asn1.Type.SEQUENCE)) continue;
    try {
      certificates.push(forge.pki.certificateFromAsn1(child));
    } catch {
      // not a certificate forge understands
    }
  }
  return certificates;
}

/**
 * The certificate a SignerInfo's sid names, by issuer and serial or by
 * subject key identifier.
 */
export function findSigner(
  sid: forge.asn1.Asn1,
  certificates: forge.pki.Certificate[],
): forge.pki.Certificate {
  let signer: forge.pki.Certificate | undefined;
  if (isUniversal(sid, asn1.Type.SEQUENCE)) {
    const [issuer, serial] = childrenOf(sid, 'CMS signer identifier');
    if (!issuer || !serial) {
      throw new InputError('Malformed CMS signer identifier');
    }
    signer = certificates.find(c => hasIssuerAndSerial(c, issuer, serial));
  } else if (isContext(sid, 0)) {
    // SignerInfo version 3: [0] SubjectKeyIdentifier (RFC 5652 §5.3).
    const keyId = bytesOf(sid, 'CMS signer identifier');
    signer = certificates.find(c => subjectKeyIdOf(c)?.equals(keyId));
  } else {
    throw new InputError('Malformed CMS signer identifier');
  }
  if (!signer) {
    throw new InputError(
      "The CMS signer's certificate is not among the message's certificates",
    );
  }
  return signer;
}
