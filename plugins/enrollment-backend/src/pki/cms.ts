import { createHash, KeyObject, sign } from 'node:crypto';
import forge from 'node-forge';
import { issuerAndSerialNumberNode } from './certificateIdentity';
import {
  algorithmNode,
  derSetOf,
  integerNode,
  octetStringNode,
  oidNode,
  sequenceNode,
  timeNode,
  toDerBuffer,
} from './der';

const { asn1 } = forge;
const oids = forge.pki.oids;

/** A signed attribute beyond the three CMS ones (RFC 5652 §5.3 `Attribute`). */
export interface CmsAttribute {
  /** The attribute type's OID. */
  type: string;
  /** The single attribute value, e.g. a PrintableString node. */
  value: forge.asn1.Asn1;
}

export interface SignCmsOptions {
  content: Buffer;
  signer: forge.pki.Certificate;
  /** The signer's private key; the RSA operation runs in node:crypto. */
  key: KeyObject;
  /** Certificates to embed; default: the signer's alone. */
  certificates?: forge.pki.Certificate[];
  /** Leave the content out of the message (e.g. Mdm-Signature). */
  detached?: boolean;
  extraSignedAttributes?: CmsAttribute[];
  /** The signingTime attribute; default: now. */
  signingTime?: Date;
}

const attribute = (type: string, value: forge.asn1.Asn1) =>
  sequenceNode([oidNode(type), derSetOf([value])]);

/**
 * Signs `content` as a DER CMS ContentInfo(SignedData) (RFC 5652 §5) with
 * SHA-256 and sha256WithRSAEncryption. The structure is built by hand because
 * forge's signer only writes contentType, messageDigest and signingTime, and
 * writes them unsorted (PROTOCOL-NOTES §4): here the signed attributes are a
 * DER SET OF, sorted, so Go's pkcs7 (scepclient) and Apple accept them.
 */
export function signCms(options: SignCmsOptions): Buffer {
  const { content, signer, key } = options;
  const digest = createHash('sha256').update(content).digest();

  const signedAttributes = derSetOf([
    attribute(oids.contentType, oidNode(oids.data)),
    attribute(oids.signingTime, timeNode(options.signingTime ?? new Date())),
    attribute(oids.messageDigest, octetStringNode(digest)),
    ...(options.extraSignedAttributes ?? []).map(extra =>
      attribute(extra.type, extra.value),
    ),
  ]);
  // RFC 5652 §5.4: the signature covers the attributes' DER with the SET tag
  // (0x31); the SignerInfo carries the same content under [0] IMPLICIT.
  const signature = sign('sha256', toDerBuffer(signedAttributes), key);

  const signerInfo = sequenceNode([
    integerNode(1),
    issuerAndSerialNumberNode(signer),
    algorithmNode(oids.sha256, false),
    asn1.create(
      asn1.Class.CONTEXT_SPECIFIC,
      0,
      true,
      signedAttributes.value as forge.asn1.Asn1[],
    ),
    algorithmNode(oids.sha256WithRSAEncryption, true),
    octetStringNode(signature),
  ]);

  const encapsulated = options.detached
    ? sequenceNode([oidNode(oids.data)])
    : sequenceNode([
        oidNode(oids.data),
        asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, [
          octetStringNode(content),
        ]),
      ]);

  const certificates = (options.certificates ?? [signer]).map(certificate =>
    forge.pki.certificateToAsn1(certificate),
  );

  const signedData = sequenceNode([
    integerNode(1),
    derSetOf([algorithmNode(oids.sha256, false)]),
    encapsulated,
    asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, certificates),
    derSetOf([signerInfo]),
  ]);

  return toDerBuffer(
    sequenceNode([
      oidNode(oids.signedData),
      asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, [signedData]),
    ]),
  );
}

export { verifyCms, type VerifiedCms } from './cmsVerify';
