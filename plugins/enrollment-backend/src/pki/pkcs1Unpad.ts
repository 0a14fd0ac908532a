/*
 * Constant-time helpers over small non-negative integers (below 2^30). A mask
 * is -1 (all bits set) for true and 0 for false, so that choices are made
 * with bitwise arithmetic instead of branches that would leak, through
 * timing, which check of the padding failed.
 */
const isZero = (x: number): number => (x - 1) >> 31;
const equals = (a: number, b: number): number => isZero(a ^ b);
const atLeast = (a: number, b: number): number => ~((a - b) >> 31);
const choose = (mask: number, a: number, b: number): number =>
  (a & mask) | (b & ~mask);

/** RFC 8017 §7.2.1: the separator comes after at least 8 padding bytes. */
const MIN_PADDING_BYTES = 8;

/**
 * Removes the PKCS#1 v1.5 type 2 (encryption) padding of a decrypted RSA
 * block, EM = 0x00 || 0x02 || PS (≥ 8 non-zero bytes) || 0x00 || M
 * (RFC 8017 §7.2.2), expecting an M of exactly `messageLength` bytes.
 *
 * Implicit rejection (as OpenSSL 3.2 does): when the padding is wrong or M
 * has another length, the answer is `synthetic`, a stand-in derived from the
 * ciphertext, and nothing says which happened. The caller cannot tell a bad
 * padding from a wrong key, and neither can whoever sent the ciphertext, so
 * the decryption is no Bleichenbacher oracle. Every byte of the block is
 * read, and good and bad blocks run the same operations.
 *
 * @param encoded the RSA decryption's raw output, as long as the modulus.
 * @param synthetic what to answer for a bad block, `messageLength` bytes.
 */
export function unpadPkcs1Type2(
  encoded: Uint8Array,
  messageLength: number,
  synthetic: Uint8Array,
): Buffer {
  if (synthetic.length !== messageLength) {
    throw new RangeError('The synthetic message must have the expected length');
  }
  const k = encoded.length;
  // Sizes are public (the modulus and the cipher's key length): no secret
  // is involved in this branch.
  if (k < 2 + MIN_PADDING_BYTES + 1 + messageLength) {
    return Buffer.from(synthetic);
  }

  let good = equals(encoded[0], 0) & equals(encoded[1], 2);
  let foundZero = 0;
  let zeroIndex = 0;
  for (let i = 2; i < k; i++) {
    const zero = isZero(encoded[i]);
    zeroIndex = choose(~foundZero & zero, i, zeroIndex);
    foundZero |= zero;
  }
  good &= foundZero;
  good &= atLeast(zeroIndex, 2 + MIN_PADDING_BYTES);
  good &= equals(k - zeroIndex - 1, messageLength);

  // With the length right, M is the block's last messageLength bytes: the
  // copy reads the same positions whatever the block holds.
  const message = Buffer.alloc(messageLength);
  const start = k - messageLength;
  for (let i = 0; i < messageLength; i++) {
    message[i] = choose(good, encoded[start + i], synthetic[i]);
  }
  return message;
}
