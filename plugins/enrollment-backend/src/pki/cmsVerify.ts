import { verify } from 'node:crypto';
import { InputError } from '@backstage/errors';
import forge from 'node-forge';
import { checkSignedAttributes } from './cmsSignedAttributes';
import { findSigner, readCertificates } from './cmsSigner';
import {
  bytesOf,
  childrenOf,
  isContext,
  isUniversal,
  octetStringBytes,
  oidOf,
  parseDer,
} from './der';
import { isBoundedRsaKey, RSA_KEY_REQUIREMENT } from './rsaKeyBounds';
import { nativePublicKey } from './nativePublicKey';

const { asn1 } = forge;
const oids = forge.pki.oids;

/** What a verified CMS SignedData says: who signed, and what. */
export interface VerifiedCms {
  signer: forge.pki.Certificate;
  content: Buffer;
  /**
   * The signed attributes' nodes (each an Attribute SEQUENCE), for protocols
   * that carry their own attributes, like SCEP. Empty without signed attributes.
   */
  signedAttributes: forge.asn1.Asn1[];
}

/** Digest algorithm OIDs (RFC 5754, RFC 3370) and their node:crypto names. */
const DIGESTS: Record<string, string> = {
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};

/** RSA PKCS#1 v1.5 signature algorithms; rsaEncryption defers to the digest. */
const RSA_SIGNATURES: Record<string, string | undefined> = {
  '1.2.840.113549.1.1.1': undefined,
  '1.2.840.113549.1.1.5': 'sha1',
  '1.2.840.113549.1.1.11': 'sha256',
  '1.2.840.113549.1.1.12': 'sha384',
  '1.2.840.113549.1.1.13': 'sha512',
};

/** The parts of a SignedData with one signer that verification reads. */
interface SignedDataParts {
  encapsulated: forge.asn1.Asn1[];
  contentType: string;
  certificates: forge.pki.Certificate[];
  /** Its children are read only after the content, keeping the checks' order. */
  signerInfoNode: forge.asn1.Asn1;
}

function readSignedData(der: Buffer): SignedDataParts {
  const contentInfo = childrenOf(parseDer(der, 'CMS message'), 'CMS message');
  if (oidOf(contentInfo[0], 'CMS content type') !== oids.signedData) {
    throw new InputError('The CMS message is not a SignedData');
  }
  if (!isContext(contentInfo[1], 0)) {
    throw new InputError('The CMS SignedData has no content');
  }
  const signedData = childrenOf(
    childrenOf(contentInfo[1], 'CMS SignedData')[0],
    'CMS SignedData',
  );
  // version, digestAlgorithms, encapContentInfo, [0] certs, [1] crls, signerInfos
  const encapsulated = childrenOf(signedData[2], 'CMS encapsulated content');
  const contentType = oidOf(encapsulated[0], 'CMS encapsulated content type');
  const certificates = readCertificates(
    signedData.find((node, i) => i > 2 && isContext(node, 0)),
  );
  const signerInfos = childrenOf(
    signedData[signedData.length - 1],
    'CMS signer infos',
  );
  if (!isUniversal(signedData[signedData.length - 1], asn1.Type.SET)) {
    throw new InputError('Malformed CMS signer infos');
  }
  if (signerInfos.length !== 1) {
    throw new InputError(
      `The CMS message has ${signerInfos.length} signers, expected one`,
    );
  }
  return {
    encapsulated,
    contentType,
    certificates,
    signerInfoNode: signerInfos[0],
  };
}

/** The encapsulated content, or the detached content the caller gives. */
function signedContent(
  encapsulated: forge.asn1.Asn1[],
  detachedContent: Buffer | undefined,
): Buffer {
  if (encapsulated[1] !== undefined) {
    if (!isContext(encapsulated[1], 0)) {
      throw new InputError('Malformed CMS encapsulated content');
    }
    const content = octetStringBytes(
      childrenOf(encapsulated[1], 'CMS encapsulated content')[0],
      'CMS encapsulated content',
    );
    if (detachedContent && !detachedContent.equals(content)) {
      throw new InputError(
        'The CMS message carries content other than the detached content given',
      );
    }
    return content;
  }
  if (detachedContent) return detachedContent;
  throw new InputError(
    'The CMS signature is detached and no content was given to check it against',
  );
}

/** The node:crypto name of a SignerInfo's digestAlgorithm. */
function digestNameOf(algorithm: forge.asn1.Asn1): string {
  const digestOid = oidOf(
    childrenOf(algorithm, 'CMS digest algorithm')[0],
    'CMS digest algorithm',
  );
  const digestName = DIGESTS[digestOid];
  if (!digestName) {
    throw new InputError(`Unsupported CMS digest algorithm ${digestOid}`);
  }
  return digestName;
}

/**
 * The signature bytes, once its algorithm is RSA PKCS#1 v1.5 agreeing with
 * the digest. `rest` is the SignerInfo after any signed attributes.
 */
function readSignature(rest: forge.asn1.Asn1[], digestName: string): Buffer {
  const signatureOid = oidOf(
    childrenOf(rest[0], 'CMS signature algorithm')[0],
    'CMS signature algorithm',
  );
  if (!(signatureOid in RSA_SIGNATURES)) {
    throw new InputError(
      `Unsupported CMS signature algorithm ${signatureOid}: only RSA PKCS#1 v1.5 is accepted`,
    );
  }
  const impliedDigest = RSA_SIGNATURES[signatureOid];
  if (impliedDigest && impliedDigest !== digestName) {
    throw new InputError(
      'The CMS signature algorithm and digest algorithm disagree',
    );
  }
  if (!isUniversal(rest[1], asn1.Type.OCTETSTRING)) {
    throw new InputError('Malformed CMS signature');
  }
  return bytesOf(rest[1], 'CMS signature');
}

/**
 * Verifies a DER CMS SignedData with one RSA signer, attached or detached
 * (RFC 5652 §5.6): finds the signer among the embedded certificates, checks
 * the messageDigest attribute against the content, and checks the signature
 * over the signed attributes re-tagged as a universal SET (or over the
 * content itself when there are no signed attributes). forge's own
 * `pkcs7.verify()` is not implemented (PROTOCOL-NOTES §2), so the structure is
 * read here. The signer is NOT checked against any CA: the caller does that.
 *
 * @throws InputError saying what failed.
 */
export function verifyCms(
  der: Buffer,
  options: { detachedContent?: Buffer } = {},
): VerifiedCms {
  const { encapsulated, contentType, certificates, signerInfoNode } =
    readSignedData(der);
  const content = signedContent(encapsulated, options.detachedContent);

  const signerInfo = childrenOf(signerInfoNode, 'CMS signer info');
  const signer = findSigner(signerInfo[1], certificates);
  // The sender chooses this certificate, and with its key the cost of the
  // RSA check: a huge modulus or exponent is refused before any work on it.
  if (!isBoundedRsaKey(signer.publicKey)) {
    throw new InputError(`The CMS signer key must be ${RSA_KEY_REQUIREMENT}`);
  }
  const digestName = digestNameOf(signerInfo[2]);

  let rest = signerInfo.slice(3);
  let signedAttributes: forge.asn1.Asn1[] = [];
  let signedBytes = content;
  if (isContext(rest[0], 0)) {
    signedAttributes = childrenOf(rest[0], 'CMS signed attributes');
    rest = rest.slice(1);
    signedBytes = checkSignedAttributes(
      signedAttributes,
      content,
      digestName,
      contentType,
    );
  }
  const signature = readSignature(rest, digestName);

  const publicKey = nativePublicKey(signer.publicKey);
  if (!verify(digestName, signedBytes, publicKey, signature)) {
    throw new InputError('The CMS signature does not verify');
  }
  return { signer, content, signedAttributes };
}
