import { hkdfSync } from 'node:crypto';
import { CertificateAuthority } from '../pki/CertificateAuthority';

/**
 * The secret invitation codes are derived from: the configured one, or one
 * derived from the CA private key — a secret the deployment keeps anyway,
 * outside the database whenever the CA comes from config.
 */
export function invitationCodeSecret(
  configured: string | undefined,
  ca: CertificateAuthority,
): Buffer {
  if (configured) return Buffer.from(configured, 'utf8');
  const keyDer = ca.privateKey.export({ type: 'pkcs8', format: 'der' });
  return Buffer.from(
    hkdfSync(
      'sha256',
      keyDer,
      Buffer.alloc(0),
      'enrollment invitation codes',
      32,
    ),
  );
}
