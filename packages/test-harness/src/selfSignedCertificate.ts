import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { requireCommand } from './requireCommand';

/** A throw-away TLS certificate for localhost and 127.0.0.1, made by openssl. */
export function selfSignedCertificate(commonName = 'localhost'): {
  certificatePem: string;
  privateKeyPem: string;
} {
  const openssl = requireCommand('openssl', 'openssl');
  const dir = mkdtempSync(join(tmpdir(), 'harness-tls-'));
  try {
    execFileSync(
      openssl,
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '2',
        '-subj',
        `/CN=${commonName}`,
        '-addext',
        'subjectAltName=DNS:localhost,IP:127.0.0.1',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'pipe' },
    );
    return {
      certificatePem: readFileSync(join(dir, 'cert.pem'), 'utf8'),
      privateKeyPem: readFileSync(join(dir, 'key.pem'), 'utf8'),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
