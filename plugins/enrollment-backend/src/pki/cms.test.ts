import { execFileSync, spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { requireCommand } from '@internal/test-harness';
import forge from 'node-forge';
import { rsaPublicKeyOfSize } from './__testUtils__/rsaKeyOfSize';
import { CertificateAuthority } from './CertificateAuthority';
import { signCms, verifyCms } from './cms';
import { parseDer, printableStringNode, toDerBuffer } from './der';
import { generateCa } from './generateCa';
import { issueDeviceCertificate } from './issueCertificate';

const openssl = requireCommand('openssl', 'openssl');

function leafFor(ca: CertificateAuthority, commonName: string) {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
  });
  const certificate = issueDeviceCertificate({
    ca,
    publicKey: forge.pki.publicKeyFromPem(
      publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    ),
    subject: [{ shortName: 'CN', value: commonName }],
    lifetimeDays: 1,
  });
  return { certificate, privateKey };
}

/** The DER with one byte flipped at `offset` (negative: from the end). */
function flipped(der: Buffer, offset: number): Buffer {
  const copy = Buffer.from(der);
  const at = offset < 0 ? copy.length + offset : offset;
  copy[at] ^= 0x01;
  return copy;
}

/** What `run` throws, as "Name: message", for asserting InputErrors. */
function thrownBy(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return `${(error as Error).name}: ${(error as Error).message}`;
  }
  return 'nothing thrown';
}

describe('CMS signing and verification', () => {
  const material = generateCa({ organization: 'Test' });
  const ca = CertificateAuthority.fromPem(material);
  const leaf = leafFor(ca, 'Signer');
  const content = Buffer.from(
    '<?xml version="1.0"?>\n<plist>ünïcode\r\n</plist>\n',
  );
  let dir: string;
  const path = (name: string) => join(dir, name);

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'cms-test-'));
    writeFileSync(path('ca.pem'), material.certificatePem);
    writeFileSync(
      path('leaf.pem'),
      forge.pki.certificateToPem(leaf.certificate),
    );
    writeFileSync(
      path('leaf.key'),
      leaf.privateKey.export({ type: 'pkcs8', format: 'pem' }),
    );
    writeFileSync(path('content.bin'), content);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** openssl cms -verify; `-purpose any` because the CA's key usage is certificate signing. */
  function opensslVerify(der: Buffer, extra: string[] = []) {
    writeFileSync(path('signed.der'), der);
    return spawnSync(
      openssl,
      [
        'cms',
        '-verify',
        '-inform',
        'DER',
        '-in',
        path('signed.der'),
        '-CAfile',
        path('ca.pem'),
        '-purpose',
        'any',
        '-out',
        path('out.bin'),
        ...extra,
      ],
      { encoding: 'utf8' },
    );
  }

  function opensslSign(extra: string[]): Buffer {
    execFileSync(openssl, [
      'cms',
      '-sign',
      '-binary',
      '-outform',
      'DER',
      '-in',
      path('content.bin'),
      '-signer',
      path('leaf.pem'),
      '-inkey',
      path('leaf.key'),
      '-out',
      path('openssl.der'),
      ...extra,
    ]);
    return readFileSync(path('openssl.der'));
  }

  describe('signCms', () => {
    it('makes an attached SignedData that openssl verifies, with the exact content', () => {
      const der = signCms({
        content,
        signer: ca.certificate,
        key: ca.privateKey,
      });
      const result = opensslVerify(der);
      expect(result.stderr).toContain('Verification successful');
      expect(result.status).toBe(0);
      expect(readFileSync(path('out.bin'))).toEqual(content);
    });

    it('makes a detached SignedData that openssl verifies against the content', () => {
      const der = signCms({
        content,
        signer: leaf.certificate,
        key: leaf.privateKey,
        certificates: [leaf.certificate, ca.certificate],
        detached: true,
      });
      const result = opensslVerify(der, [
        '-binary',
        '-content',
        path('content.bin'),
      ]);
      expect(result.stderr).toContain('Verification successful');
      expect(result.status).toBe(0);
    });

    it('writes the signed attributes as a DER SET OF, sorted, with the extras', () => {
      const der = signCms({
        content,
        signer: ca.certificate,
        key: ca.privateKey,
        extraSignedAttributes: [
          { type: '2.16.840.1.113733.1.9.2', value: printableStringNode('19') },
          { type: '1.2.3.4', value: printableStringNode('extra') },
        ],
      });
      const { signedAttributes } = verifyCms(der);
      const encodings = signedAttributes.map(toDerBuffer);
      expect(encodings).toHaveLength(5);
      const sorted = [...encodings].sort(Buffer.compare);
      expect(encodings).toEqual(sorted);
      expect(opensslVerify(der).status).toBe(0);
    });
  });

  describe('verifyCms', () => {
    it('round-trips its own attached and detached signatures', () => {
      const attached = verifyCms(
        signCms({ content, signer: leaf.certificate, key: leaf.privateKey }),
      );
      expect(attached.content).toEqual(content);
      expect(attached.signer.subject.getField('CN').value).toBe('Signer');

      const detached = signCms({
        content,
        signer: leaf.certificate,
        key: leaf.privateKey,
        detached: true,
      });
      expect(verifyCms(detached, { detachedContent: content }).content).toEqual(
        content,
      );
      expect(thrownBy(() => verifyCms(detached))).toMatch(
        /^InputError: .*detached/,
      );
    });

    it.each([['sha1'], ['sha256'], ['sha384'], ['sha512']])(
      'verifies openssl cms -sign -nodetach output (%s)',
      md => {
        const der = opensslSign(['-nodetach', '-md', md]);
        const verified = verifyCms(der);
        expect(verified.content).toEqual(content);
        expect(verified.signer.serialNumber).toBe(
          leaf.certificate.serialNumber,
        );
      },
    );

    it('verifies openssl cms -sign detached output', () => {
      const der = opensslSign([]);
      expect(verifyCms(der, { detachedContent: content }).content).toEqual(
        content,
      );
      expect(
        thrownBy(() =>
          verifyCms(der, { detachedContent: Buffer.from('other') }),
        ),
      ).toMatch(/^InputError: .*messageDigest does not match/);
    });

    it('verifies a signature without signed attributes (openssl -noattr)', () => {
      const der = opensslSign(['-nodetach', '-noattr']);
      expect(verifyCms(der).content).toEqual(content);
      expect(
        thrownBy(() =>
          verifyCms(opensslSign(['-noattr']), {
            detachedContent: Buffer.from('other'),
          }),
        ),
      ).toMatch(/^InputError: .*signature does not verify/);
    });

    it('finds the signer by subjectKeyIdentifier (openssl -keyid)', () => {
      const der = opensslSign(['-nodetach', '-keyid']);
      expect(verifyCms(der).signer.serialNumber).toBe(
        leaf.certificate.serialNumber,
      );
    });

    it('refuses tampered content', () => {
      const der = opensslSign(['-nodetach']);
      const at = der.indexOf(content);
      expect(at).toBeGreaterThan(0);
      expect(thrownBy(() => verifyCms(flipped(der, at + 3)))).toMatch(
        /^InputError: .*messageDigest does not match/,
      );
    });

    it('refuses a tampered signature', () => {
      // The signature is the last field of the only SignerInfo.
      expect(
        thrownBy(() => verifyCms(flipped(opensslSign(['-nodetach']), -1))),
      ).toMatch(/^InputError: .*signature does not verify/);
      expect(
        thrownBy(() =>
          verifyCms(
            flipped(
              signCms({ content, signer: ca.certificate, key: ca.privateKey }),
              -5,
            ),
          ),
        ),
      ).toMatch(/^InputError: .*signature does not verify/);
    });

    it('refuses a swapped certificate', () => {
      const other = leafFor(ca, 'Impostor');
      // Another certificate: the signer is no longer among them.
      const signed = signCms({
        content,
        signer: leaf.certificate,
        key: leaf.privateKey,
        certificates: [other.certificate],
      });
      expect(thrownBy(() => verifyCms(signed))).toMatch(
        /^InputError: .*not among the message's certificates/,
      );

      // Same issuer and serial, another key: the signature fails.
      const twin = leafFor(ca, 'Signer');
      const forged = signCms({
        content,
        signer: leaf.certificate,
        key: leaf.privateKey,
        certificates: [
          issueTwin(ca, leaf.certificate, twin.certificate.publicKey),
        ],
      });
      expect(thrownBy(() => verifyCms(forged))).toMatch(
        /^InputError: .*signature does not verify/,
      );
    });

    it.each([
      ['an 8192-bit modulus and an 8191-bit exponent', 8192, { bits: 8191 }],
      ['a 16384-bit modulus and a 16383-bit exponent', 16384, { bits: 16383 }],
      ['a 8192-bit modulus', 8192, 65537],
      ['a 512-bit modulus', 512, 65537],
      ['exponent 3', 2048, 3],
    ])(
      'refuses a signer key with %s before checking the signature',
      (_case, modulusBits, exponent) => {
        // The CA vouches for the key, but nobody holds its private half:
        // the signature is made with another key and never gets checked.
        const hostile = issueDeviceCertificate({
          ca,
          publicKey: rsaPublicKeyOfSize(modulusBits, exponent),
          subject: [{ shortName: 'CN', value: 'Hostile' }],
          lifetimeDays: 1,
        });
        const der = signCms({
          content,
          signer: hostile,
          key: leaf.privateKey,
        });
        expect(thrownBy(() => verifyCms(der))).toBe(
          'InputError: The CMS signer key must be RSA 1024–4096 bits with exponent 65537',
        );
      },
    );

    it('refuses what is not a SignedData', () => {
      expect(thrownBy(() => verifyCms(Buffer.from('hello')))).toMatch(
        /^InputError: .*not valid DER/,
      );
      expect(thrownBy(() => verifyCms(Buffer.alloc(0)))).toMatch(
        /^InputError: .*empty/,
      );
      expect(thrownBy(() => verifyCms(ca.certificateDer))).toMatch(
        /^InputError: .*(Malformed|not a SignedData)/,
      );
      const envelope = forge.pkcs7.createEnvelopedData();
      envelope.addRecipient(ca.certificate);
      envelope.content = forge.util.createBuffer('x');
      envelope.encrypt();
      expect(thrownBy(() => verifyCms(toDerBuffer(envelope.toAsn1())))).toMatch(
        /^InputError: .*not a SignedData/,
      );
    });

    it('refuses a certs-only SignedData: there is no signer', () => {
      const p7 = forge.pkcs7.createSignedData();
      p7.addCertificate(ca.certificate);
      const der = toDerBuffer(p7.toAsn1());
      expect(parseDer(der, 'x')).toBeDefined();
      expect(thrownBy(() => verifyCms(der))).toMatch(
        /^InputError: .*0 signers/,
      );
    });
  });
});

/** A certificate with `original`'s issuer and serial but another key. */
function issueTwin(
  ca: CertificateAuthority,
  original: forge.pki.Certificate,
  publicKey: forge.pki.PublicKey,
): forge.pki.Certificate {
  const twin = issueDeviceCertificate({
    ca,
    publicKey,
    subject: original.subject.attributes,
    lifetimeDays: 1,
  });
  twin.serialNumber = original.serialNumber;
  // Re-sign with the serial changed (forge caches the TBS it signed).
  delete (twin as unknown as { tbsCertificate?: unknown }).tbsCertificate;
  return twin;
}
