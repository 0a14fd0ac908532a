import { execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { requireCommand } from '@internal/test-harness';
import forge from 'node-forge';
import { CertificateAuthority } from './CertificateAuthority';
import { generateCa } from './generateCa';
import { issueDeviceCertificate } from './issueCertificate';

const openssl = requireCommand('openssl', 'openssl');

describe('issueDeviceCertificate', () => {
  const material = generateCa({ organization: 'Test' });
  const ca = CertificateAuthority.fromPem(material);
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const forgePublic = forge.pki.publicKeyFromPem(
    publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  );
  const now = new Date('2030-05-01T12:00:00Z');
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'issue-test-'));
    writeFileSync(join(dir, 'ca.pem'), material.certificatePem);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function write(certificate: forge.pki.Certificate): string {
    const file = join(dir, `${certificate.serialNumber}.pem`);
    writeFileSync(file, forge.pki.certificateToPem(certificate));
    return file;
  }

  it('issues a leaf that openssl verifies against the CA, with the device usages', () => {
    const leaf = issueDeviceCertificate({
      ca,
      publicKey: forgePublic,
      subject: [
        { shortName: 'CN', value: 'Test Mac' },
        { shortName: 'O', value: 'Acme' },
      ],
      lifetimeDays: 365,
    });
    const file = write(leaf);
    expect(
      execFileSync(openssl, ['verify', '-CAfile', join(dir, 'ca.pem'), file], {
        encoding: 'utf8',
      }).trim(),
    ).toBe(`${file}: OK`);

    const text = execFileSync(
      openssl,
      ['x509', '-in', file, '-noout', '-text'],
      {
        encoding: 'utf8',
      },
    );
    expect(text).toContain('Signature Algorithm: sha256WithRSAEncryption');
    expect(text).toContain('Subject: CN = Test Mac, O = Acme');
    expect(text).toContain('Issuer: O = Test, CN = Test Enrollment CA');
    expect(text).toMatch(/Basic Constraints: critical\s+CA:FALSE/);
    expect(text).toMatch(
      /Key Usage: critical\s+Digital Signature, Key Encipherment/,
    );
    expect(text).toMatch(/Extended Key Usage:\s+TLS Web Client Authentication/);
    expect(text).toContain('X509v3 Subject Key Identifier');

    const caSki = /Subject Key Identifier:\s+([0-9A-F:]+)/.exec(
      execFileSync(
        openssl,
        ['x509', '-in', join(dir, 'ca.pem'), '-noout', '-text'],
        { encoding: 'utf8' },
      ),
    )?.[1];
    expect(caSki).toBeDefined();
    expect(text).toMatch(
      new RegExp(`Authority Key Identifier:\\s+(keyid:)?${caSki}`),
    );
  });

  it('backdates by an hour and lasts lifetimeDays, with a fresh serial each time', () => {
    const issue = () =>
      issueDeviceCertificate({
        ca,
        publicKey: forgePublic,
        subject: [{ shortName: 'CN', value: 'Test Mac' }],
        lifetimeDays: 30,
        now,
      });
    const a = issue();
    const b = issue();
    expect(a.validity.notBefore.toISOString()).toBe('2030-05-01T11:00:00.000Z');
    expect(a.validity.notAfter.toISOString()).toBe('2030-05-31T12:00:00.000Z');
    expect(a.serialNumber).toMatch(/^[0-9a-f]{32}$/);
    expect(a.serialNumber).not.toBe(b.serialNumber);
  });

  it('keeps a non-ASCII UTF8String subject read from a CSR intact', () => {
    // forge reads a UTF8String value as its raw UTF-8 bytes.
    const leaf = issueDeviceCertificate({
      ca,
      publicKey: forgePublic,
      subject: [
        {
          shortName: 'CN',
          value: Buffer.from('Jürgen’s Mac', 'utf8').toString('binary'),
          valueTagClass: forge.asn1.Type.UTF8 as unknown as forge.asn1.Class,
        },
      ],
      lifetimeDays: 1,
    });
    const subject = execFileSync(
      openssl,
      [
        'x509',
        '-in',
        write(leaf),
        '-noout',
        '-subject',
        '-nameopt',
        'utf8,sep_comma_plus',
      ],
      { encoding: 'utf8' },
    );
    expect(subject.trim()).toBe('subject=CN=Jürgen’s Mac');
  });
});
