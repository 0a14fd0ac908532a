import {
  constants,
  createCipheriv,
  createDecipheriv,
  publicEncrypt,
  randomBytes,
} from 'node:crypto';
import forge from 'node-forge';
import { CertificateAuthority } from '../pki/CertificateAuthority';
import { issuerAndSerialNumberNode } from '../pki/certificateIdentity';
import { parseDer, toDerBuffer } from '../pki/der';
import { rsaPkcs1Decrypt } from '../pki/rsaPkcs1Decrypt';
import { FailInfo } from './scepConstants';
import { nativePublicKey } from '../pki/nativePublicKey';

const oids = forge.pki.oids;

/** Why an envelope cannot be opened, as the failInfo the CA answers with. */
export class EnvelopeError extends Error {
  readonly name = 'EnvelopeError';
  constructor(readonly failInfo: FailInfo, message: string) {
    super(message);
  }
}

/** Content-encryption ciphers forge decrypts, with their key lengths. */
const CIPHER_KEY_LENGTHS: Record<string, number> = {
  [oids.desCBC]: 8,
  [oids['des-EDE3-CBC']]: 24,
  [oids['aes128-CBC']]: 16,
  [oids['aes192-CBC']]: 24,
  [oids['aes256-CBC']]: 32,
};

/**
 * The ciphers OpenSSL 3 runs natively, by OpenSSL name. Single DES lives in
 * OpenSSL's legacy provider, which Node 20 does not load: forge decrypts it.
 */
const NATIVE_CIPHERS: Record<string, string> = {
  [oids['des-EDE3-CBC']]: 'des-ede3-cbc',
  [oids['aes128-CBC']]: 'aes-128-cbc',
  [oids['aes192-CBC']]: 'aes-192-cbc',
  [oids['aes256-CBC']]: 'aes-256-cbc',
};

/** The parts of forge's EnvelopedData object used here (beyond @types/node-forge). */
interface ForgeEnvelope extends forge.pkcs7.PkcsEnvelopedData {
  type: string;
  content?: forge.util.ByteBuffer;
  encryptedContent: {
    algorithm: string;
    key?: forge.util.ByteBuffer;
    /** The IV. */
    parameter?: forge.util.ByteBuffer;
    content?: forge.util.ByteBuffer;
  };
  /** With encryptedContent.key set, forge runs only the symmetric decryption. */
  decrypt(): void;
}

/**
 * Decrypts the pkcsPKIEnvelope of a SCEP request (a CMS EnvelopedData
 * addressed to the CA, RFC 8894 §3.2.2) and returns its content.
 *
 * @throws EnvelopeError with the failInfo to answer.
 */
export function openEnvelope(der: Buffer, ca: CertificateAuthority): Buffer {
  let envelope: ForgeEnvelope;
  try {
    envelope = forge.pkcs7.messageFromAsn1(
      parseDer(der, 'SCEP envelope'),
    ) as unknown as ForgeEnvelope;
  } catch {
    throw new EnvelopeError(
      'badMessageCheck',
      'The SCEP envelope is not a CMS EnvelopedData of data',
    );
  }
  if (envelope.type !== oids.envelopedData) {
    throw new EnvelopeError(
      'badMessageCheck',
      'The SCEP envelope is not a CMS EnvelopedData',
    );
  }
  const recipient = envelope.findRecipient(ca.certificate);
  if (!recipient) {
    throw new EnvelopeError(
      'badMessageCheck',
      'The SCEP envelope is not encrypted to this CA',
    );
  }
  if (recipient.encryptedContent.algorithm !== oids.rsaEncryption) {
    throw new EnvelopeError(
      'badAlg',
      `Unsupported key transport ${recipient.encryptedContent.algorithm}: only rsaEncryption`,
    );
  }
  const keyLength = CIPHER_KEY_LENGTHS[envelope.encryptedContent.algorithm];
  if (!keyLength) {
    throw new EnvelopeError(
      'badAlg',
      `Unsupported content cipher ${envelope.encryptedContent.algorithm}: DES, 3DES or AES-CBC only`,
    );
  }

  // Implicit rejection (RFC 3218 §2.3.2): an encryptedKey that does not
  // decrypt to a well-padded key of the cipher's length yields a stand-in
  // key instead, so a bad PKCS#1 padding fails exactly like a wrong key (no
  // Bleichenbacher oracle). The RSA is OpenSSL's, not forge's JS.
  const contentKey = rsaPkcs1Decrypt(
    ca.privateKey,
    Buffer.from(recipient.encryptedContent.content, 'binary'),
    keyLength,
  );
  const content = decryptContent(envelope, contentKey);
  if (!content) {
    throw new EnvelopeError(
      'badMessageCheck',
      'The SCEP envelope could not be decrypted',
    );
  }
  return content;
}

/** The envelope's content, or undefined when the key or padding is wrong. */
function decryptContent(
  envelope: ForgeEnvelope,
  contentKey: Buffer,
): Buffer | undefined {
  const { algorithm, parameter, content } = envelope.encryptedContent;
  const native = NATIVE_CIPHERS[algorithm];
  if (native) {
    try {
      const decipher = createDecipheriv(
        native,
        contentKey,
        Buffer.from(parameter?.bytes() ?? '', 'binary'),
      );
      return Buffer.concat([
        decipher.update(Buffer.from(content?.bytes() ?? '', 'binary')),
        decipher.final(),
      ]);
    } catch {
      return undefined;
    }
  }
  envelope.encryptedContent.key = forge.util.createBuffer(
    contentKey.toString('binary'),
  );
  try {
    envelope.decrypt();
  } catch {
    return undefined;
  }
  return envelope.content
    ? Buffer.from(envelope.content.getBytes(), 'binary')
    : undefined;
}

function childAt(node: forge.asn1.Asn1, ...path: number[]): forge.asn1.Asn1 {
  return path.reduce(
    (current, index) => (current.value as forge.asn1.Asn1[])[index],
    node,
  );
}

/**
 * Encrypts `content` for the requester (RFC 8894 §3.3.2: the CertRep's
 * pkcsPKIEnvelope goes to the request's signer certificate) with 3DES-CBC,
 * which every SCEP client decrypts (micromdm and smallstep reply the same).
 */
export function sealEnvelope(
  content: Buffer,
  recipient: forge.pki.Certificate,
): Buffer {
  const contentKey = randomBytes(24);
  const envelope =
    forge.pkcs7.createEnvelopedData() as unknown as ForgeEnvelope;
  envelope.addRecipient(recipient);
  // The key is wrapped natively; forge, finding it done, skips its JS RSA.
  envelope.recipients[0].encryptedContent.content = publicEncrypt(
    {
      key: nativePublicKey(recipient.publicKey),
      padding: constants.RSA_PKCS1_PADDING,
    },
    contentKey,
  ).toString('binary');
  // The content is encrypted natively too; forge, finding it done, only
  // writes the structure.
  const iv = randomBytes(8);
  const cipher = createCipheriv('des-ede3-cbc', contentKey, iv);
  Object.assign(envelope.encryptedContent, {
    algorithm: oids['des-EDE3-CBC'],
    key: forge.util.createBuffer(contentKey.toString('binary')),
    parameter: forge.util.createBuffer(iv.toString('binary')),
    content: forge.util.createBuffer(
      Buffer.concat([cipher.update(content), cipher.final()]).toString(
        'binary',
      ),
    ),
  });
  envelope.encrypt();
  const contentInfo = envelope.toAsn1();
  // forge re-encodes the recipient's issuer from parsed fields (UTF8String
  // values twice); the requester matches it byte for byte against its own
  // certificate, so the original IssuerAndSerialNumber replaces it.
  // ContentInfo → [0] → EnvelopedData → recipientInfos SET → RecipientInfo
  const recipientInfo = childAt(contentInfo, 1, 0, 1, 0);
  (recipientInfo.value as forge.asn1.Asn1[])[1] =
    issuerAndSerialNumberNode(recipient);
  return toDerBuffer(contentInfo);
}
