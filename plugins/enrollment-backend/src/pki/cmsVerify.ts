import { createHash, verify } from 'node:crypto';
import { InputError } from '@backstage/errors';
import forge from 'node-forge';
import { hasIssuerAndSerial, subjectKeyIdOf } from './certificateIdentity';
import {
  bytesOf,
  childrenOf,
  isContext,
  isUniversal,
  octetStringBytes,
  oidOf,
  parseDer,
  toDerBuffer,
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

function readCertificates(node: forge.asn1.Asn1 | undefined) {
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

function findSigner(
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

function attributeValues(
  attributes: forge.asn1.Asn1[],
  type: string,
): forge.asn1.Asn1[] | undefined {
  const found = attributes.filter(
    a =>
      oidOf(childrenOf(a, 'CMS attribute')[0], 'CMS attribute type') === type,
  );
  if (found.length > 1) {
    throw new InputError(`The CMS attribute ${type} appears more than once`);
  }
  return found.length
    ? childrenOf(
        childrenOf(found[0], 'CMS attribute')[1],
        'CMS attribute values',
      )
    : undefined;
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

  let content: Buffer;
  if (encapsulated[1] !== undefined) {
    if (!isContext(encapsulated[1], 0)) {
      throw new InputError('Malformed CMS encapsulated content');
    }
    content = octetStringBytes(
      childrenOf(encapsulated[1], 'CMS encapsulated content')[0],
      'CMS encapsulated content',
    );
    if (options.detachedContent && !options.detachedContent.equals(content)) {
      throw new InputError(
        'The CMS message carries content other than the detached content given',
      );
    }
  } else if (options.detachedContent) {
    content = options.detachedContent;
  } else {
    throw new InputError(
      'The CMS signature is detached and no content was given to check it against',
    );
  }

  const signerInfo = childrenOf(signerInfos[0], 'CMS signer info');
  const signer = findSigner(signerInfo[1], certificates);
  // The sender chooses this certificate, and with its key the cost of the
  // RSA check: a huge modulus or exponent is refused before any work on it.
  if (!isBoundedRsaKey(signer.publicKey)) {
    throw new InputError(`The CMS signer key must be ${RSA_KEY_REQUIREMENT}`);
  }
  const digestOid = oidOf(
    childrenOf(signerInfo[2], 'CMS digest algorithm')[0],
    'CMS digest algorithm',
  );
  const digestName = DIGESTS[digestOid];
  if (!digestName) {
    throw new InputError(`Unsupported CMS digest algorithm ${digestOid}`);
  }

  let rest = signerInfo.slice(3);
  let signedAttributes: forge.asn1.Asn1[] = [];
  let signedBytes = content;
  if (isContext(rest[0], 0)) {
    signedAttributes = childrenOf(rest[0], 'CMS signed attributes');
    rest = rest.slice(1);

    const digests = attributeValues(signedAttributes, oids.messageDigest);
    if (!digests || digests.length !== 1) {
      throw new InputError('The CMS signed attributes lack a messageDigest');
    }
    const expected = createHash(digestName).update(content).digest();
    if (!octetStringBytes(digests[0], 'CMS messageDigest').equals(expected)) {
      throw new InputError(
        'The CMS messageDigest does not match the content: the content was altered',
      );
    }
    // RFC 5652 §11.1: when present, contentType must name the eContentType.
    const types = attributeValues(signedAttributes, oids.contentType);
    if (
      types &&
      (types.length !== 1 ||
        oidOf(types[0], 'CMS contentType attribute') !== contentType)
    ) {
      throw new InputError(
        'The CMS contentType attribute does not match the encapsulated content',
      );
    }
    // RFC 5652 §5.4: the signature is over the attributes with the universal
    // SET tag rather than the [0] IMPLICIT tag they are carried with.
    signedBytes = toDerBuffer(
      asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SET, true, signedAttributes),
    );
  }

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
  const signature = bytesOf(rest[1], 'CMS signature');

  const publicKey = nativePublicKey(signer.publicKey);
  if (!verify(digestName, signedBytes, publicKey, signature)) {
    throw new InputError('The CMS signature does not verify');
  }
  return { signer, content, signedAttributes };
}
