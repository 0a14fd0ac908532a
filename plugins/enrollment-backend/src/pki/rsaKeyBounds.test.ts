import { generateKeyPairSync } from 'node:crypto';
import forge from 'node-forge';
import { rsaPublicKeyOfSize } from './__testUtils__/rsaKeyOfSize';
import {
  isBoundedRsaKey,
  RSA_KEY_REQUIREMENT,
  rsaKeySizeOf,
} from './rsaKeyBounds';

describe('RSA key bounds', () => {
  it('reads the modulus size and exponent of a real key', () => {
    const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const key = forge.pki.publicKeyFromPem(
      publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    );
    expect(rsaKeySizeOf(key)).toEqual({
      modulusBits: 2048,
      publicExponent: 65537n,
    });
    expect(isBoundedRsaKey(key)).toBe(true);
  });

  it.each([
    [1024, 65537],
    [3072, 65537],
    [4096, 65537],
  ])('accepts a %i-bit modulus with exponent %i', (bits, exponent) => {
    expect(isBoundedRsaKey(rsaPublicKeyOfSize(bits, exponent))).toBe(true);
  });

  it.each([
    ['a 1023-bit modulus', rsaPublicKeyOfSize(1023, 65537)],
    ['a 512-bit modulus', rsaPublicKeyOfSize(512, 65537)],
    ['a 4097-bit modulus', rsaPublicKeyOfSize(4097, 65537)],
    ['a 16384-bit modulus', rsaPublicKeyOfSize(16384, 65537)],
    ['exponent 3', rsaPublicKeyOfSize(2048, 3)],
    ['exponent 65539', rsaPublicKeyOfSize(2048, 65539)],
    ['a 2047-bit exponent', rsaPublicKeyOfSize(2048, { bits: 2047 })],
    [
      'an 8192-bit modulus with an 8191-bit exponent',
      rsaPublicKeyOfSize(8192, { bits: 8191 }),
    ],
    [
      'a 16384-bit modulus with a 16383-bit exponent',
      rsaPublicKeyOfSize(16384, { bits: 16383 }),
    ],
  ])('refuses %s', (_case, key) => {
    expect(isBoundedRsaKey(key)).toBe(false);
  });

  it('reads a huge exponent exactly, without RSA', () => {
    const key = rsaPublicKeyOfSize(16384, { bits: 16383 });
    const size = rsaKeySizeOf(key)!;
    expect(size.modulusBits).toBe(16384);
    expect(size.publicExponent.toString(2)).toHaveLength(16383);
  });

  it('says a key that is not RSA has no RSA size', () => {
    const { publicKey } = generateKeyPairSync('ed25519');
    const ed25519 = { type: 'ed25519', key: publicKey } as unknown;
    expect(rsaKeySizeOf(ed25519 as forge.pki.PublicKey)).toBeUndefined();
    expect(isBoundedRsaKey(ed25519 as forge.pki.PublicKey)).toBe(false);
  });

  it('states the bounds in words', () => {
    expect(RSA_KEY_REQUIREMENT).toBe('RSA 1024–4096 bits with exponent 65537');
  });
});
