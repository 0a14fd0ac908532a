import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { requireCommand } from '@internal/test-harness';
import { CertificateAuthority } from './CertificateAuthority';
import { generateCa } from './generateCa';

const openssl = requireCommand('openssl', 'openssl');

describe('generateCa', () => {
  const material = generateCa({ organization: 'Acme, "Fruit" Inc' });
  let dir: string;
  let caPath: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ca-test-'));
    caPath = join(dir, 'ca.pem');
    writeFileSync(caPath, material.certificatePem);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('makes a self-signed root that openssl verifies', () => {
    const out = execFileSync(openssl, ['verify', '-CAfile', caPath, caPath], {
      encoding: 'utf8',
    });
    expect(out.trim()).toBe(`${caPath}: OK`);
  });

  it('is an RSA-2048, SHA-256 CA certificate for signing certificates', () => {
    const text = execFileSync(
      openssl,
      ['x509', '-in', caPath, '-noout', '-text'],
      {
        encoding: 'utf8',
      },
    );
    expect(text).toContain('Signature Algorithm: sha256WithRSAEncryption');
    expect(text).toContain('Public-Key: (2048 bit)');
    expect(text).toMatch(/Basic Constraints: critical\s+CA:TRUE/);
    expect(text).toMatch(/Key Usage: critical\s+Certificate Sign, CRL Sign/);
    expect(text).toContain('Subject Key Identifier');
  });

  it('has a key that matches the certificate and a fingerprint openssl agrees with', () => {
    const ca = CertificateAuthority.fromPem(material);
    const fingerprint = execFileSync(
      openssl,
      ['x509', '-in', caPath, '-noout', '-fingerprint', '-sha256'],
      { encoding: 'utf8' },
    );
    expect(fingerprint.trim()).toBe(
      `sha256 Fingerprint=${ca.summary().sha256Fingerprint}`,
    );
    expect(ca.summary().subject).toBe(
      'O=Acme, "Fruit" Inc, CN=Acme, "Fruit" Inc Enrollment CA',
    );
  });

  it('gives each CA its own serial and key', () => {
    const other = generateCa({ organization: 'Acme' });
    expect(other.privateKeyPem).not.toBe(material.privateKeyPem);
    const a = CertificateAuthority.fromPem(material).summary().serialNumber;
    const b = CertificateAuthority.fromPem(other).summary().serialNumber;
    expect(a).not.toBe(b);
  });
});

describe('CertificateAuthority.fromPem', () => {
  it('refuses a key that belongs to another certificate', () => {
    const a = generateCa({ organization: 'A' });
    const b = generateCa({ organization: 'B' });
    expect(() =>
      CertificateAuthority.fromPem({
        certificatePem: a.certificatePem,
        privateKeyPem: b.privateKeyPem,
      }),
    ).toThrow('does not belong to the CA certificate');
  });

  it('refuses a broken key without echoing it', () => {
    const a = generateCa({ organization: 'A' });
    expect(() =>
      CertificateAuthority.fromPem({
        certificatePem: a.certificatePem,
        privateKeyPem: 'secret-garbage',
      }),
    ).toThrow(/^The enrollment CA private key is not a PEM key$/);
  });
});
