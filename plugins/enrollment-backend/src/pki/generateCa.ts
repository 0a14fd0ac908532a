import { generateKeyPairSync, randomBytes } from 'node:crypto';
import forge from 'node-forge';
import { signCertificate } from './nativeSigning';

/** A CA certificate and its private key, both PEM. */
export interface CaMaterial {
  certificatePem: string;
  privateKeyPem: string;
}

/** A positive 128-bit serial: RFC 5280 asks for at most 20 octets, no sign bit. */
export function randomSerialHex(): string {
  const bytes = randomBytes(16);
  bytes[0] &= 0x7f;
  bytes[0] |= 0x01;
  return bytes.toString('hex');
}

/**
 * Generates a self-signed RSA-2048 / SHA-256 root CA for signing enrollment
 * profiles and issuing device identities.
 */
export function generateCa(options: {
  organization: string;
  now?: Date;
  validityYears?: number;
}): CaMaterial {
  const now = options.now ?? new Date();
  const { publicKey, privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
  });

  const certificate = forge.pki.createCertificate();
  certificate.publicKey = forge.pki.publicKeyFromPem(
    publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  );
  certificate.serialNumber = randomSerialHex();
  // Backdate a little so a Mac whose clock runs slow still trusts it.
  certificate.validity.notBefore = new Date(now.getTime() - 60 * 60 * 1000);
  certificate.validity.notAfter = new Date(now);
  certificate.validity.notAfter.setUTCFullYear(
    now.getUTCFullYear() + (options.validityYears ?? 10),
  );
  const name = [
    { shortName: 'O', value: options.organization },
    { shortName: 'CN', value: `${options.organization} Enrollment CA` },
  ];
  certificate.setSubject(name);
  certificate.setIssuer(name);
  certificate.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  signCertificate(certificate, privateKey);

  return {
    certificatePem: forge.pki.certificateToPem(certificate),
    privateKeyPem: privateKey
      .export({ type: 'pkcs8', format: 'pem' })
      .toString(),
  };
}
