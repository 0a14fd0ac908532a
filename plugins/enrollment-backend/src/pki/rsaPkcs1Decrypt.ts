import {
  constants,
  createHmac,
  hkdfSync,
  KeyObject,
  privateDecrypt,
} from 'node:crypto';
import { unpadPkcs1Type2 } from './pkcs1Unpad';

/**
 * Per-key secrets for implicit rejection, derived once per private key: the
 * key's own DER is the only secret the CA has for it, and deriving from it
 * means every replica answers the same ciphertext with the same stand-in.
 */
const derivationKeys = new WeakMap<KeyObject, Buffer>();

function derivationKeyOf(privateKey: KeyObject): Buffer {
  let kdk = derivationKeys.get(privateKey);
  if (!kdk) {
    kdk = createHmac(
      'sha256',
      privateKey.export({ type: 'pkcs8', format: 'der' }),
    )
      .update('PKCS#1 v1.5 implicit rejection key')
      .digest();
    derivationKeys.set(privateKey, kdk);
  }
  return kdk;
}

/**
 * The stand-in message for a ciphertext that does not decrypt to a
 * well-padded message of `length` bytes: HMAC-SHA256(kdk, ciphertext),
 * expanded to `length` with HKDF (RFC 5869: the extract step is exactly that
 * HMAC). Deterministic, so that retrying the same ciphertext learns nothing
 * new, and unpredictable without the private key.
 */
export function syntheticMessage(
  privateKey: KeyObject,
  ciphertext: Buffer,
  length: number,
): Buffer {
  return Buffer.from(
    hkdfSync(
      'sha256',
      ciphertext,
      derivationKeyOf(privateKey),
      'synthetic message',
      length,
    ),
  );
}

/**
 * RSAES-PKCS1-v1_5 decryption (RFC 8017 §7.2.2) of a message of a known
 * length, such as a content-encryption key, with implicit rejection: a
 * ciphertext that is not exactly the modulus long, does not decrypt, or
 * decrypts to a bad padding or another length yields syntheticMessage()
 * instead, indistinguishable from a wrong key.
 *
 * The RSA operation is OpenSSL's (blinded, native): Node 20 refuses
 * RSA_PKCS1_PADDING in privateDecrypt (CVE-2023-46809), so the raw block is
 * decrypted with RSA_NO_PADDING and unpadded here in constant time.
 */
export function rsaPkcs1Decrypt(
  privateKey: KeyObject,
  ciphertext: Buffer,
  messageLength: number,
): Buffer {
  const synthetic = syntheticMessage(privateKey, ciphertext, messageLength);
  const modulusBits = privateKey.asymmetricKeyDetails?.modulusLength ?? 0;
  // The ciphertext's length and whether it is below the modulus are public
  // (anyone with the certificate knows the modulus): these branches reveal
  // nothing about the plaintext.
  if (ciphertext.length !== Math.ceil(modulusBits / 8)) return synthetic;
  let encoded: Buffer;
  try {
    encoded = privateDecrypt(
      { key: privateKey, padding: constants.RSA_NO_PADDING },
      ciphertext,
    );
  } catch {
    return synthetic;
  }
  return unpadPkcs1Type2(encoded, messageLength, synthetic);
}
