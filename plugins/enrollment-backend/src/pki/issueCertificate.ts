import forge from 'node-forge';
import { CertificateAuthority } from './CertificateAuthority';
import { randomSerialHex } from './generateCa';
import { reusableNameFields } from './nameFields';
import { signCertificate } from './nativeSigning';
import { subjectKeyIdOf } from './certificateIdentity';

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/** The CA's key id for authorityKeyIdentifier: its SKI, or RFC 5280 method 1. */
function caKeyId(ca: CertificateAuthority): string {
  const fromExtension = subjectKeyIdOf(ca.certificate);
  if (fromExtension) return fromExtension.toString('binary');
  return forge.pki
    .getPublicKeyFingerprint(ca.certificate.publicKey, {
      type: 'RSAPublicKey',
    })
    .getBytes();
}

/** What a leaf certificate is for. */
export type LeafUsage = 'device-identity' | 'profile-signing';

const USAGE_EXTENSIONS: Record<LeafUsage, object[]> = {
  // The usages micromdm's depot/signer.go gives SCEP certificates.
  'device-identity': [
    {
      name: 'keyUsage',
      digitalSignature: true,
      keyEncipherment: true,
      critical: true,
    },
    { name: 'extKeyUsage', clientAuth: true },
  ],
  // What S/MIME verifiers (OpenSSL's default purpose, macOS) expect of a CMS signer.
  'profile-signing': [
    { name: 'keyUsage', digitalSignature: true, critical: true },
    { name: 'extKeyUsage', emailProtection: true, codeSigning: true },
  ],
};

/**
 * Issues a device identity certificate (the MDM client-authentication
 * identity) signed by the CA.
 */
export function issueDeviceCertificate(options: {
  ca: CertificateAuthority;
  publicKey: forge.pki.PublicKey;
  subject: forge.pki.CertificateField[];
  lifetimeDays: number;
  now?: Date;
}): forge.pki.Certificate {
  return issueLeafCertificate({ ...options, usage: 'device-identity' });
}

/** Issues a leaf certificate for `usage`, signed by the CA. */
export function issueLeafCertificate(options: {
  ca: CertificateAuthority;
  publicKey: forge.pki.PublicKey;
  subject: forge.pki.CertificateField[];
  lifetimeDays: number;
  usage: LeafUsage;
  now?: Date;
}): forge.pki.Certificate {
  const { ca, lifetimeDays } = options;
  const now = options.now ?? new Date();
  const certificate = forge.pki.createCertificate();
  certificate.publicKey = options.publicKey;
  certificate.serialNumber = randomSerialHex();
  // Backdated an hour so a Mac whose clock runs slow accepts it at once.
  certificate.validity.notBefore = new Date(now.getTime() - HOUR_MS);
  certificate.validity.notAfter = new Date(
    now.getTime() + lifetimeDays * DAY_MS,
  );
  certificate.setSubject(reusableNameFields(options.subject));
  certificate.setIssuer(reusableNameFields(ca.certificate.subject.attributes));
  certificate.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    ...USAGE_EXTENSIONS[options.usage],
    { name: 'subjectKeyIdentifier' },
    { name: 'authorityKeyIdentifier', keyIdentifier: caKeyId(ca) },
  ]);
  signCertificate(certificate, ca.privateKey);
  return certificate;
}
