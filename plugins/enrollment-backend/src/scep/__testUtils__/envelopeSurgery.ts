import forge from 'node-forge';
import { issuerAndSerialNumberNode } from '../../pki/certificateIdentity';
import { parseDer, toDerBuffer } from '../../pki/der';

// ContentInfo → [0] → EnvelopedData → recipientInfos SET → first RecipientInfo
const RECIPIENT_INFO_PATH = [1, 0, 1, 0];

function recipientInfoOf(contentInfo: forge.asn1.Asn1): forge.asn1.Asn1[] {
  return RECIPIENT_INFO_PATH.reduce(
    (node, i) => (node.value as forge.asn1.Asn1[])[i],
    contentInfo,
  ).value as forge.asn1.Asn1[];
}

/** The RSA-encrypted content-encryption key of an envelope's first recipient. */
export function encryptedKeyOf(envelope: Buffer): Buffer {
  const [, , , encryptedKey] = recipientInfoOf(parseDer(envelope, 'envelope'));
  return Buffer.from(encryptedKey.value as string, 'binary');
}

/** The envelope with its first recipient's encryptedKey replaced. */
export function withEncryptedKey(
  envelope: Buffer,
  change: (encryptedKey: Buffer) => Buffer,
): Buffer {
  const contentInfo = parseDer(envelope, 'envelope');
  const [, , , encryptedKey] = recipientInfoOf(contentInfo);
  encryptedKey.value = change(
    Buffer.from(encryptedKey.value as string, 'binary'),
  ).toString('binary');
  return toDerBuffer(contentInfo);
}

/**
 * The envelope with its first recipient renamed to `certificate`'s issuer and
 * serial: an envelope that names the CA but was encrypted to another key.
 */
export function addressedTo(
  envelope: Buffer,
  certificate: forge.pki.Certificate,
): Buffer {
  const contentInfo = parseDer(envelope, 'envelope');
  recipientInfoOf(contentInfo)[1] = issuerAndSerialNumberNode(certificate);
  return toDerBuffer(contentInfo);
}
