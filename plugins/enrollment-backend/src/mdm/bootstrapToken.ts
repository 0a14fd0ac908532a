import {
  createCipheriv,
  createDecipheriv,
  hkdfSync,
  KeyObject,
  randomBytes,
} from 'node:crypto';

/**
 * Bootstrap tokens unlock FileVault-protected Macs, so they are kept sealed
 * with AES-256-GCM under a key derived from the CA private key (a secret the
 * deployment keeps outside the database when the CA comes from config).
 */
export class BootstrapTokenSealer {
  private readonly key: Buffer;

  constructor(caPrivateKey: KeyObject) {
    const der = caPrivateKey.export({ type: 'pkcs8', format: 'der' });
    this.key = Buffer.from(
      hkdfSync(
        'sha256',
        der,
        Buffer.alloc(0),
        'enrollment bootstrap tokens',
        32,
      ),
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
