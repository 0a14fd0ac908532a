import forge from 'node-forge';
import { integerNode, oidNode, sequenceNode, toDerBuffer } from './der';

const { asn1 } = forge;

/**
 * A "certs-only" CMS SignedData (RFC 5652 §5.2, no content and no signers):
 * how SCEP returns issued certificates (RFC 8894 §3.3.2) and CA chains.
 * Certificates keep the given order: SCEP clients take the first as theirs.
 */
export function degenerateSignedData(
  certificates: forge.pki.Certificate[],
): Buffer {
  const signedData = sequenceNode([
    integerNode(1),
    asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SET, true, []),
    sequenceNode([oidNode(forge.pki.oids.data)]),
    asn1.create(
      asn1.Class.CONTEXT_SPECIFIC,
      0,
      true,
      certificates.map(c => forge.pki.certificateToAsn1(c)),
    ),
    asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SET, true, []),
  ]);
  return toDerBuffer(
    sequenceNode([
      oidNode(forge.pki.oids.signedData),
      asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, [signedData]),
    ]),
  );
}
