import { createPrivateKey, KeyObject, X509Certificate } from 'node:crypto';
import { InputError } from '@backstage/errors';
import forge from 'node-forge';
import { P12Contents } from './p12';
import { ProfileSigner } from './profileSigner';

/** A third-party identity that signs profiles, checked, with what admins see of it. */
export interface SigningIdentity {
  signer: ProfileSigner;
  /** The signing certificate, then its intermediates (PEM). */
  certificatePem: string;
  /** PKCS#8 PEM; kept sealed, never shown. */
  privateKeyPem: string;
  subject: string;
  issuer: string;
  notBefore: Date;
  notAfter: Date;
  /** Subjects of the certificates profiles carry, the signer's first. */
  chain: string[];
}

// Extended key usages a CMS signer may carry for macOS (and `openssl cms
// -verify`, whose default purpose is S/MIME) to accept it.
const SIGNING_EKUS = new Map([
  ['1.3.6.1.5.5.7.3.4', 'emailProtection'],
  ['1.3.6.1.5.5.7.3.3', 'codeSigning'],
  ['2.5.29.37.0', 'anyExtendedKeyUsage'],
]);

const oneLine = (name: string) => name.replace(/\n/g, ', ');

/**
 * Checks a signing identity: an RSA key (profiles are signed with
 * sha256WithRSAEncryption, pki/cms.ts), a certificate of that key, valid
 * `now`, fit to sign: keyUsage, when present, has digitalSignature, and
 * extendedKeyUsage, when present, has emailProtection, codeSigning or
 * anyExtendedKeyUsage. The other certificates become the chain, ordered
 * from the signer's issuer up; ones that are not in its chain are left out.
 * `where` names the source in the messages. Without `now` the dates are
 * not checked (an identity kept since, which the summary shows expired).
 *
 * @throws InputError saying what to fix.
 */
export function readSigningIdentity(
  certificates: X509Certificate[],
  key: KeyObject,
  where: string,
  now?: Date,
): SigningIdentity {
  if (key.asymmetricKeyType !== 'rsa') {
    throw new InputError(
      `${where}: the private key is ${
        key.asymmetricKeyType?.toUpperCase() ?? 'not RSA'
      }; profiles are signed with RSA (sha256WithRSAEncryption), so ask for an RSA signing certificate`,
    );
  }
  const leaf = certificates.find(c => c.checkPrivateKey(key));
  if (!leaf) {
    throw new InputError(
      `${where}: the private key does not belong to the certificate; use the key the certificate was issued for`,
    );
  }
  if (now) checkValidity(leaf, where, now);
  const signer = toForge(leaf, where);
  checkUsage(leaf, signer, where);
  const chain = chainOf(leaf, certificates);
  return {
    signer: {
      certificate: signer,
      key,
      chain: [signer, ...chain.slice(1).map(c => toForge(c, where))],
    },
    certificatePem: chain.map(c => c.toString()).join(''),
    privateKeyPem: key.export({ type: 'pkcs8', format: 'pem' }).toString(),
    subject: oneLine(leaf.subject),
    issuer: oneLine(leaf.issuer),
    notBefore: new Date(leaf.validFrom),
    notAfter: new Date(leaf.validTo),
    chain: chain.map(c => oneLine(c.subject)),
  };
}

/**
 * Reads a PEM chain (the signing certificate, then its intermediates) and
 * its PEM private key, as `enrollment.profileSigning` and the store hold them.
 */
export function readSigningIdentityPem(
  certificatePem: string,
  privateKeyPem: string,
  where: string,
  now?: Date,
): SigningIdentity {
  const pems =
    certificatePem.match(
      /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g,
    ) ?? [];
  let certificates: X509Certificate[];
  try {
    certificates = pems.map(pem => new X509Certificate(pem));
  } catch {
    certificates = [];
  }
  if (!certificates.length) {
    throw new InputError(
      `${where}: certificate must hold the signing certificate (PEM), then its intermediates`,
    );
  }
  let key: KeyObject;
  try {
    key = createPrivateKey(privateKeyPem);
  } catch {
    throw new InputError(
      `${where}: privateKey is not an unencrypted PEM private key`,
    );
  }
  return readSigningIdentity(certificates, key, where, now);
}

/** The identity in an opened .p12 (see readP12): its key and certificates. */
export function readSigningIdentityP12(
  contents: P12Contents,
  where: string,
  now: Date,
): SigningIdentity {
  let certificates: X509Certificate[];
  let keys: KeyObject[];
  try {
    certificates = contents.certificates.map(der => new X509Certificate(der));
    keys = contents.keys.map(der =>
      createPrivateKey({ key: der, format: 'der', type: 'pkcs8' }),
    );
  } catch {
    throw new InputError(`${where}: a certificate or key in it is damaged`);
  }
  if (!keys.length || !certificates.length) {
    throw new InputError(
      `${where} must hold the signing certificate and its private key; export both (with the intermediates) from the keychain as .p12`,
    );
  }
  // With several keys, the one a certificate belongs to.
  const key =
    keys.find(k =>
      certificates.some(
        c => k.asymmetricKeyType === 'rsa' && c.checkPrivateKey(k),
      ),
    ) ?? keys[0];
  return readSigningIdentity(certificates, key, where, now);
}

function checkValidity(leaf: X509Certificate, where: string, now: Date) {
  const notAfter = new Date(leaf.validTo);
  const notBefore = new Date(leaf.validFrom);
  if (notAfter <= now) {
    throw new InputError(
      `${where}: the signing certificate expired on ${notAfter.toISOString()}; renew it with your certificate authority`,
    );
  }
  if (notBefore > now) {
    throw new InputError(
      `${where}: the signing certificate is not valid before ${notBefore.toISOString()}; upload it from that date on, or check the server's clock`,
    );
  }
}

function checkUsage(
  leaf: X509Certificate,
  signer: forge.pki.Certificate,
  where: string,
) {
  const keyUsage = signer.getExtension('keyUsage') as
    | { digitalSignature?: boolean }
    | undefined;
  if (keyUsage && !keyUsage.digitalSignature) {
    throw new InputError(
      `${where}: the certificate's keyUsage lacks digitalSignature, so it may not sign; use a signing (S/MIME or code-signing) certificate`,
    );
  }
  // X509Certificate.keyUsage is the extendedKeyUsage OIDs, if any.
  const ekus = leaf.keyUsage;
  if (ekus && !ekus.some(oid => SIGNING_EKUS.has(oid))) {
    throw new InputError(
      `${where}: the certificate's extendedKeyUsage has none of ${[
        ...SIGNING_EKUS.values(),
      ].join(', ')}; use an S/MIME or code-signing certificate`,
    );
  }
}

/** The signer, then each issuer found among the others. */
function chainOf(
  leaf: X509Certificate,
  certificates: X509Certificate[],
): X509Certificate[] {
  const chain = [leaf];
  const issuerOf = (child: X509Certificate) =>
    certificates.find(
      c =>
        !chain.includes(c) && child.checkIssued(c) && child.verify(c.publicKey),
    );
  let issuer = leaf.issuer === leaf.subject ? undefined : issuerOf(leaf);
  while (issuer) {
    chain.push(issuer);
    issuer = issuer.issuer === issuer.subject ? undefined : issuerOf(issuer);
  }
  return chain;
}

/** forge's view, which signCms embeds; forge reads RSA certificates only. */
function toForge(
  certificate: X509Certificate,
  where: string,
): forge.pki.Certificate {
  try {
    return forge.pki.certificateFromAsn1(
      forge.asn1.fromDer(certificate.raw.toString('binary')),
    );
  } catch {
    throw new InputError(
      `${where}: the certificate "${oneLine(
        certificate.subject,
      )}" could not be read; only certificates with RSA keys are supported`,
    );
  }
}
