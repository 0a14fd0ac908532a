import {
  createCipheriv,
  createDecipheriv,
  hkdfSync,
  KeyObject,
  randomBytes,
} from 'node:crypto';

/**
 * Secrets the database keeps (bootstrap tokens, which unlock
 * FileVault-protected Macs; the uploaded push certificate's and profile
 * signing identity's keys) are sealed
 * with AES-256-GCM under a key derived from the CA private key (a secret the
 * deployment keeps outside the database when the CA comes from config), one
 * key per purpose.
 */
export class SecretSealer {
  private readonly key: Buffer;

  /** The purpose names the derived key: sealed values of one never open with another. */
  static readonly BOOTSTRAP_TOKENS = 'enrollment bootstrap tokens';
  static readonly PUSH_KEY = 'enrollment push certificate key';
  static readonly PROFILE_SIGNING_KEY = 'enrollment profile signing key';

  constructor(caPrivateKey: KeyObject, purpose: string) {
    const der = caPrivateKey.export({ type: 'pkcs8', format: 'der' });
    this.key = Buffer.from(
      hkdfSync('sha256', der, Buffer.alloc(0), purpose, 32),
    );
  }

  seal(token: Buffer): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const sealed = Buffer.concat([cipher.update(token), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64');
  }

  unseal(sealed: string): Buffer {
    const raw = Buffer.from(sealed, 'base64');
    const decipher = createDecipheriv(
      'aes-256-gcm',
      this.key,
      raw.subarray(0, 12),
    );
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]);
  }
}
