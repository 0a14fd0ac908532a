import {
  constants,
  generateKeyPairSync,
  publicEncrypt,
  randomBytes,
} from 'node:crypto';
import { unpadPkcs1Type2 } from './pkcs1Unpad';
import { rsaPkcs1Decrypt, syntheticMessage } from './rsaPkcs1Decrypt';

const KEY_LENGTH = 24; // a 3DES content-encryption key

/** A type 2 block: 00 02 PS 00 M, with PS of non-zero bytes. */
function block(options: {
  length: number;
  message: Buffer;
  first?: number;
  second?: number;
  separator?: number;
}): Buffer {
  const { length, message } = options;
  const padding = Buffer.alloc(length - 3 - message.length, 0x5a);
  return Buffer.concat([
    Buffer.of(options.first ?? 0, options.second ?? 2),
    padding,
    Buffer.of(options.separator ?? 0),
    message,
  ]);
}

describe('unpadPkcs1Type2', () => {
  const message = randomBytes(KEY_LENGTH).fill(1, 0, 1); // first byte non-zero
  const synthetic = Buffer.alloc(KEY_LENGTH, 0xee);
  const unpad = (encoded: Buffer, length = KEY_LENGTH) =>
    unpadPkcs1Type2(encoded, length, synthetic.subarray(0, length));

  it('returns the message of a good block', () => {
    expect(unpad(block({ length: 256, message }))).toEqual(message);
  });

  it('accepts exactly 8 padding bytes', () => {
    expect(unpad(block({ length: 2 + 8 + 1 + KEY_LENGTH, message }))).toEqual(
      message,
    );
  });

  it('keeps zero bytes inside the message', () => {
    const withZeros = Buffer.from(message).fill(0, 3, 9);
    expect(unpad(block({ length: 256, message: withZeros }))).toEqual(
      withZeros,
    );
  });

  it.each([
    ['the first byte is not 0', block({ length: 256, message, first: 1 })],
    ['the second byte is not 2', block({ length: 256, message, second: 1 })],
    [
      'the block type is 1 (a signature block)',
      block({ length: 256, message, second: 1 }).fill(0xff, 2, 256 - 25),
    ],
    [
      'fewer than 8 padding bytes precede the separator',
      block({ length: 2 + 7 + 1 + KEY_LENGTH, message }),
    ],
    [
      'there is no zero separator',
      block({ length: 256, message: message.subarray(1), separator: 0x77 }),
    ],
    [
      'the message is one byte short',
      block({ length: 256, message: message.subarray(1) }),
    ],
    [
      'the message is one byte long',
      block({ length: 256, message: Buffer.concat([message, Buffer.of(9)]) }),
    ],
    [
      'the separator is the last byte (empty message)',
      block({ length: 256, message: Buffer.alloc(0) }),
    ],
    ['the block is all zeros', Buffer.alloc(256)],
    [
      'the block is too short for the message',
      block({ length: KEY_LENGTH + 3, message: Buffer.alloc(0) }),
    ],
  ])('answers the synthetic message when %s', (_case, encoded) => {
    expect(unpad(encoded)).toEqual(synthetic);
  });
});

describe('rsaPkcs1Decrypt', () => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
  });
  const other = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const contentKey = randomBytes(KEY_LENGTH);
  /** A ciphertext that decrypts to exactly `encoded` (raw RSA). */
  const rawEncrypt = (encoded: Buffer) =>
    publicEncrypt(
      { key: publicKey, padding: constants.RSA_NO_PADDING },
      encoded,
    );
  const pkcs1Encrypt = (message: Buffer) =>
    publicEncrypt(
      { key: publicKey, padding: constants.RSA_PKCS1_PADDING },
      message,
    );

  it('decrypts what crypto.publicEncrypt pads with PKCS#1 v1.5', () => {
    for (const length of [8, 16, 24, 32]) {
      const key = randomBytes(length);
      expect(rsaPkcs1Decrypt(privateKey, pkcs1Encrypt(key), length)).toEqual(
        key,
      );
    }
  });

  it('decrypts a block whose top bytes are zero (the output is left-padded)', () => {
    // 00 02 then padding: the integer is 2^2033-ish, so the raw output
    // must come back at full width for the unpadding to find its bytes.
    const encoded = block({ length: 256, message: contentKey });
    expect(
      rsaPkcs1Decrypt(privateKey, rawEncrypt(encoded), KEY_LENGTH),
    ).toEqual(contentKey);
  });

  const badBlocks: Array<[string, () => Buffer]> = [
    [
      'the first byte is not 0',
      () => rawEncrypt(block({ length: 256, message: contentKey, first: 1 })),
    ],
    [
      'the second byte is not 2',
      () => rawEncrypt(block({ length: 256, message: contentKey, second: 3 })),
    ],
    [
      'fewer than 8 padding bytes precede the separator',
      () =>
        rawEncrypt(
          Buffer.concat([
            Buffer.of(0, 2),
            Buffer.alloc(7, 0x5a),
            Buffer.of(0),
            randomBytes(256 - 10),
          ]),
        ),
    ],
    [
      'there is no zero separator',
      () =>
        rawEncrypt(Buffer.concat([Buffer.of(0, 2), Buffer.alloc(254, 0x5a)])),
    ],
    [
      'the message has the wrong length',
      () => pkcs1Encrypt(randomBytes(KEY_LENGTH - 8)),
    ],
    [
      'the ciphertext is one byte short of the modulus',
      () => pkcs1Encrypt(contentKey).subarray(1),
    ],
    [
      'the ciphertext is one byte longer than the modulus',
      () => Buffer.concat([Buffer.of(0), pkcs1Encrypt(contentKey)]),
    ],
    ['the ciphertext is not below the modulus', () => Buffer.alloc(256, 0xff)],
    ['the ciphertext is empty', () => Buffer.alloc(0)],
    [
      'the ciphertext was made for another key',
      () =>
        publicEncrypt(
          { key: other.publicKey, padding: constants.RSA_PKCS1_PADDING },
          contentKey,
        ),
    ],
  ];

  describe.each(badBlocks)('when %s', (_case, make) => {
    const ciphertext = make();
    const result = rsaPkcs1Decrypt(privateKey, ciphertext, KEY_LENGTH);

    it('answers the synthetic key, of the expected length', () => {
      expect(result).toHaveLength(KEY_LENGTH);
      expect(result).toEqual(
        syntheticMessage(privateKey, ciphertext, KEY_LENGTH),
      );
      expect(result).not.toEqual(contentKey);
    });

    it('answers the same key for the same ciphertext', () => {
      expect(
        rsaPkcs1Decrypt(privateKey, Buffer.from(ciphertext), KEY_LENGTH),
      ).toEqual(result);
    });

    it('answers another key for another ciphertext', () => {
      const changed = Buffer.concat([ciphertext, Buffer.of(1)]);
      expect(rsaPkcs1Decrypt(privateKey, changed, KEY_LENGTH)).not.toEqual(
        result,
      );
    });
  });

  it('answers different synthetic keys for different bad ciphertexts', () => {
    const results = badBlocks.map(([, make]) =>
      rsaPkcs1Decrypt(privateKey, make(), KEY_LENGTH).toString('hex'),
    );
    expect(new Set(results).size).toBe(badBlocks.length);
  });

  it('derives the synthetic key from a secret of the private key', () => {
    const ciphertext = Buffer.alloc(256, 0xff);
    expect(syntheticMessage(privateKey, ciphertext, KEY_LENGTH)).not.toEqual(
      syntheticMessage(other.privateKey, ciphertext, KEY_LENGTH),
    );
  });

  it('expands or truncates the synthetic key to the length asked', () => {
    const ciphertext = randomBytes(256);
    const long = syntheticMessage(privateKey, ciphertext, 48);
    expect(long).toHaveLength(48);
    expect(syntheticMessage(privateKey, ciphertext, 8)).toEqual(
      long.subarray(0, 8),
    );
  });
});
