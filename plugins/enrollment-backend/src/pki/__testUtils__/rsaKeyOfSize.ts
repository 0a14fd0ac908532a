import { randomBytes } from 'node:crypto';
import forge from 'node-forge';

/** A random positive odd integer of exactly `bits` bits, big-endian. */
export function oddIntegerOfBits(bits: number): Buffer {
  const bytes = randomBytes(Math.ceil(bits / 8));
  const topBit = (bits - 1) % 8;
  bytes[0] &= (1 << (topBit + 1)) - 1;
  bytes[0] |= 1 << topBit;
  bytes[bytes.length - 1] |= 1;
  return bytes;
}

/**
 * A forge RSA public key with a random modulus of `modulusBits` bits and
 * the given exponent (a number, or a random odd one of `{ bits }`). Nobody
 * has its private key: it is for testing what is refused before any RSA.
 */
export function rsaPublicKeyOfSize(
  modulusBits: number,
  exponent: number | { bits: number },
): forge.pki.rsa.PublicKey {
  const hex =
    typeof exponent === 'number'
      ? exponent.toString(16)
      : oddIntegerOfBits(exponent.bits).toString('hex');
  return forge.pki.rsa.setPublicKey(
    new forge.jsbn.BigInteger(
      oddIntegerOfBits(modulusBits).toString('hex'),
      16,
    ),
    new forge.jsbn.BigInteger(hex, 16),
  );
}
