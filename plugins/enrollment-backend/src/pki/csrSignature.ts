import { verify } from 'node:crypto';
import forge from 'node-forge';
import { DER_TAG, derChildrenOf, readDerElement } from './derElements';
import { isBoundedRsaKey } from './rsaKeyBounds';
import { nativePublicKey } from './nativePublicKey';

/** RSA PKCS#1 v1.5 signature algorithms a CSR may use, by node:crypto digest. */
const CSR_SIGNATURE_DIGESTS: Record<string, string> = {
  '1.2.840.113549.1.1.5': 'sha1',
  '1.2.840.113549.1.1.11': 'sha256',
  '1.2.840.113549.1.1.12': 'sha384',
  '1.2.840.113549.1.1.13': 'sha512',
};

export type CsrSignatureCheck =
  | { result: 'verified' }
  | { result: 'unsupported-algorithm'; algorithm: string }
  | { result: 'does-not-verify' };

/**
 * The parts of a PKCS#10 request (RFC 2986 §4.2) that its signature check
 * needs, cut from the DER as sent: the signature covers the encoding of the
 * CertificationRequestInfo, which forge would re-encode rather than keep.
 */
function signedParts(der: Buffer) {
  const what = 'certificate request';
  const [info, algorithm, signature, ...extra] = derChildrenOf(
    readDerElement(der, what),
    what,
  );
  if (
    extra.length > 0 ||
    info?.tag !== DER_TAG.SEQUENCE ||
    algorithm?.tag !== DER_TAG.SEQUENCE ||
    signature?.tag !== DER_TAG.BIT_STRING
  ) {
    return undefined;
  }
  const [oid] = derChildrenOf(algorithm, what);
  // A signature is whole bytes: the BIT STRING's unused-bits count is 0.
  if (oid?.tag !== DER_TAG.OID || signature.content[0] !== 0) return undefined;
  return {
    info: info.bytes,
    algorithm: forge.asn1.derToOid(oid.content.toString('binary')),
    signature: signature.content.subarray(1),
  };
}

/**
 * Checks a PKCS#10 request's self-signature natively (OpenSSL), over the
 * CertificationRequestInfo exactly as encoded in `der`, with the key forge
 * read from it. Only RSA PKCS#1 v1.5 with SHA-1 or SHA-2 is accepted.
 *
 * The key must already be within RSA_KEY_BOUNDS (see rsaKeyBounds): this
 * refuses to run RSA with any other as a last line of defence.
 */
export function checkCsrSignature(
  der: Buffer,
  publicKey: forge.pki.PublicKey,
): CsrSignatureCheck {
  if (!isBoundedRsaKey(publicKey)) return { result: 'does-not-verify' };
  let parts: ReturnType<typeof signedParts>;
  try {
    parts = signedParts(der);
  } catch {
    parts = undefined;
  }
  if (!parts) return { result: 'does-not-verify' };
  const digest = CSR_SIGNATURE_DIGESTS[parts.algorithm];
  if (!digest) {
    return { result: 'unsupported-algorithm', algorithm: parts.algorithm };
  }
  try {
    const key = nativePublicKey(publicKey);
    return verify(digest, parts.info, key, parts.signature)
      ? { result: 'verified' }
      : { result: 'does-not-verify' };
  } catch {
    return { result: 'does-not-verify' };
  }
}
