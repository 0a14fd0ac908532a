import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import forge from 'node-forge';
import { openssl } from './macAtPortal';

const run = (args: string[]) =>
  execFileSync(openssl, args, { stdio: ['ignore', 'pipe', 'pipe'] });

/**
 * A "publicly trusted" CA of its own, made by openssl in `dir`, that
 * issues signing certificates the way a commercial CA issues S/MIME ones.
 */
export class ThirdPartyCa {
  readonly caPem: string;
  private readonly caKey: string;

  constructor(readonly dir: string, readonly name = 'thirdparty-ca') {
    this.caPem = join(dir, `${name}.pem`);
    this.caKey = join(dir, `${name}.key`);
    run([
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      this.caKey,
      '-out',
      this.caPem,
      '-days',
      '30',
      '-subj',
      `/O=Trusted Roots Inc/CN=${name}`,
      '-addext',
      'basicConstraints=critical,CA:TRUE',
      '-addext',
      'keyUsage=critical,keyCertSign,cRLSign',
    ]);
  }

  /**
   * A certificate and key (files `<name>.pem`, `<name>.key`) issued by this CA;
   * by default keyUsage=digitalSignature, extendedKeyUsage=emailProtection.
   */
  issue(
    name: string,
    options: { extensions?: string; days?: number; newKey?: string[] } = {},
  ): { cert: string; key: string } {
    const cert = join(this.dir, `${name}.pem`);
    const key = join(this.dir, `${name}.key`);
    const csr = join(this.dir, `${name}.csr`);
    const ext = join(this.dir, `${name}.ext`);
    writeFileSync(
      ext,
      options.extensions ??
        'keyUsage=critical,digitalSignature\nextendedKeyUsage=emailProtection\n',
    );
    run([
      'req',
      ...(options.newKey ?? ['-newkey', 'rsa:2048']),
      '-nodes',
      '-keyout',
      key,
      '-out',
      csr,
      '-subj',
      `/O=Acme/CN=${name}`,
    ]);
    run([
      'x509',
      '-req',
      '-in',
      csr,
      '-CA',
      this.caPem,
      '-CAkey',
      this.caKey,
      '-CAcreateserial',
      '-out',
      cert,
      '-days',
      String(options.days ?? 10),
      '-extfile',
      ext,
    ]);
    return { cert, key };
  }
}

/** `openssl pkcs12 -export` of a certificate and key (and the CA), as base64. */
export function exportP12(
  dir: string,
  files: { cert: string; key?: string; chain?: string },
  password: string,
  options: { legacy?: boolean } = {},
): string {
  const out = join(dir, `export-${Math.random().toString(36).slice(2)}.p12`);
  run([
    'pkcs12',
    '-export',
    ...(options.legacy ? ['-legacy'] : []),
    '-in',
    files.cert,
    ...(files.key ? ['-inkey', files.key] : ['-nokeys']),
    ...(files.chain ? ['-certfile', files.chain] : []),
    '-out',
    out,
    '-passout',
    `pass:${password}`,
  ]);
  return readFileSync(out).toString('base64');
}

/**
 * A .p12 of a certificate with a key it was not issued for. openssl
 * refuses to export one ("No certificate matches private key"), so forge
 * packs it, as a careless tool might.
 */
export function mismatchedP12(
  files: { cert: string },
  otherKey: string,
  password: string,
): string {
  const asn1 = forge.pkcs12.toPkcs12Asn1(
    forge.pki.privateKeyFromPem(readFileSync(otherKey, 'utf8')),
    [forge.pki.certificateFromPem(readFileSync(files.cert, 'utf8'))],
    password,
    { algorithm: '3des' },
  );
  return Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary').toString(
    'base64',
  );
}

/**
 * `openssl cms -verify` of a signed profile against `caPem`; writes the
 * signer's certificate to `signerOut` and answers its SHA-256 fingerprint.
 * Throws when the signature does not chain to `caPem`.
 */
export function verifyProfileSigner(
  profileDer: string,
  caPem: string,
  signerOut: string,
): string {
  run([
    'cms',
    '-verify',
    '-inform',
    'DER',
    '-in',
    profileDer,
    '-CAfile',
    caPem,
    '-signer',
    signerOut,
    '-out',
    `${profileDer}.xml`,
  ]);
  return fingerprint(signerOut);
}

/** The SHA-256 fingerprint openssl prints for a PEM certificate. */
export function fingerprint(certPem: string): string {
  return run(['x509', '-in', certPem, '-noout', '-fingerprint', '-sha256'])
    .toString()
    .trim();
}
