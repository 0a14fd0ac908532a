import { generateKeyPairSync } from 'node:crypto';
import forge from 'node-forge';
import { nativePublicKey } from './nativePublicKey';

describe('nativePublicKey', () => {
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
  const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();

  it('imports a forge key into OpenSSL once per key object', () => {
    const key = forge.pki.publicKeyFromPem(pem);
    const first = nativePublicKey(key);
    expect(nativePublicKey(key)).toBe(first);
    expect(first.equals(publicKey)).toBe(true);

    const sameKeyOtherObject = nativePublicKey(forge.pki.publicKeyFromPem(pem));
    expect(sameKeyOtherObject).not.toBe(first);
    expect(sameKeyOtherObject.equals(first)).toBe(true);
  });
});
