import { createPublicKey, KeyObject } from 'node:crypto';
import forge from 'node-forge';
import { toDerBuffer } from './der';

// Importing a key into OpenSSL costs about as much as an RSA signature; a
// SCEP request uses its requester's key twice (the CMS signature and the
// CertRep's envelope), so the import is kept with the forge key object.
const imported = new WeakMap<object, KeyObject>();

/** The forge RSA public key as a node:crypto KeyObject, imported once per key object. */
export function nativePublicKey(key: forge.pki.PublicKey): KeyObject {
  let native = imported.get(key);
  if (!native) {
    native = createPublicKey({
      key: toDerBuffer(forge.pki.publicKeyToAsn1(key)),
      format: 'der',
      type: 'spki',
    });
    imported.set(key, native);
  }
  return native;
}
