import { createPrivateKey, X509Certificate } from 'node:crypto';
import { InputError } from '@backstage/errors';
import { PushCertificateSummary } from '@macenroll/plugin-enrollment-common';
import forge from 'node-forge';

/** An MDM push certificate with its key and what was read from it. */
export interface PushCertificate {
  certificatePem: string;
  privateKeyPem: string;
  /** The subject's UID: `com.apple.mgmt.External.<uuid>`. */
  topic: string;
  subject: string;
  serialNumber: string;
  notAfter: Date;
}

/** Admins are warned this long before the push certificate expires. */
export const PUSH_EXPIRY_WARNING_MS = 30 * 86_400_000;

/**
 * Reads a push certificate and its key (PEM), refusing what could never
 * push: no UID topic, a topic outside com.apple.mgmt., a key that is not
 * the certificate's. `where` names the source in the message.
 */
export function readPushCertificate(
  certificatePem: string,
  privateKeyPem: string,
  where: string,
): PushCertificate {
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(certificatePem);
  } catch {
    throw new InputError(`${where}: the certificate is not a PEM certificate`);
  }
  let keyMatches = false;
  try {
    keyMatches = certificate.checkPrivateKey(createPrivateKey(privateKeyPem));
  } catch {
    throw new InputError(
      `${where}: the private key is not an unencrypted PEM private key`,
    );
  }
  if (!keyMatches) {
    throw new InputError(
      `${where}: the private key does not belong to the certificate (use the key of the CSR you uploaded to Apple)`,
    );
  }
  // X509Certificate.subject is one "KEY=value" per line.
  const uid = certificate.subject
    .split('\n')
    .find(line => line.startsWith('UID='))
    ?.slice(4);
  if (!uid || !uid.startsWith('com.apple.mgmt.')) {
    throw new InputError(
      `${where}: this is not an MDM push certificate (its subject has no UID topic beginning with com.apple.mgmt.; get one from Apple's Push Certificates Portal)`,
    );
  }
  return {
    certificatePem: certificate.toString(),
    privateKeyPem: createPrivateKey(privateKeyPem)
      .export({ type: 'pkcs8', format: 'pem' })
      .toString(),
    topic: uid,
    subject: certificate.subject.replace(/\n/g, ', '),
    serialNumber: certificate.serialNumber,
    notAfter: new Date(certificate.validTo),
  };
}

/**
 * Takes the certificate and key out of a .p12 (what Keychain Access exports).
 * forge decrypts the PKCS#12 bags; no RSA operation is done in JavaScript.
 * This runs on an admin route only, never on a public one.
 */
export function pemFromP12(
  p12: Buffer,
  password: string,
): { certificatePem: string; privateKeyPem: string } {
  let parsed: forge.pkcs12.Pkcs12Pfx;
  try {
    parsed = forge.pkcs12.pkcs12FromAsn1(
      forge.asn1.fromDer(p12.toString('binary')),
      password,
    );
  } catch (error) {
    const message = (error as Error).message ?? '';
    throw new InputError(
      /password|mac/i.test(message)
        ? 'The .p12 password is wrong'
        : 'The file is not a .p12 (PKCS#12) file',
    );
  }
  const certBags =
    parsed.getBags({ bagType: forge.pki.oids.certBag })[
      forge.pki.oids.certBag
    ] ?? [];
  const keyBags = [
    ...(parsed.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag })[
      forge.pki.oids.pkcs8ShroudedKeyBag
    ] ?? []),
    ...(parsed.getBags({ bagType: forge.pki.oids.keyBag })[
      forge.pki.oids.keyBag
    ] ?? []),
  ];
  const certificate = certBags.find(b => b.cert)?.cert;
  const key = keyBags.find(b => b.key)?.key;
  if (!certificate || !key) {
    throw new InputError(
      'The .p12 must hold the push certificate and its private key',
    );
  }
  return {
    certificatePem: forge.pki.certificateToPem(certificate),
    privateKeyPem: forge.pki.privateKeyToPem(key),
  };
}

/** What the settings page shows of a push certificate; nothing secret. */
export function summarizePushCertificate(
  certificate: PushCertificate | undefined,
  source: 'config' | 'upload' | undefined,
  now: Date,
): PushCertificateSummary {
  if (!certificate) return { configured: false };
  const left = certificate.notAfter.getTime() - now.getTime();
  return {
    configured: true,
    source,
    topic: certificate.topic,
    subject: certificate.subject,
    serialNumber: certificate.serialNumber,
    notAfter: certificate.notAfter.toISOString(),
    expiresSoon: left <= PUSH_EXPIRY_WARNING_MS,
    expired: left <= 0,
  };
}
