import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { requireCommand } from '@internal/test-harness';
import forge from 'node-forge';
import { CertificateAuthority } from '../pki/CertificateAuthority';
import { verifyCms } from '../pki/cms';
import { toDerBuffer } from '../pki/der';
import { generateCa } from '../pki/generateCa';
import { issueDeviceCertificate } from '../pki/issueCertificate';
import { makeRequester, readCertRep } from './__testUtils__/requester';
import { buildCertRep } from './certRep';
import { PkiMessageHeader } from './pkiMessage';
import { SCEP_OID } from './scepConstants';

const openssl = requireCommand('openssl', 'openssl');

describe('buildCertRep', () => {
  const material = generateCa({ organization: 'Test' });
  const ca = CertificateAuthority.fromPem(material);
  const requester = makeRequester();
  const request: PkiMessageHeader = {
    messageType: '19',
    transactionId: 'tx-1',
    senderNonce: Buffer.alloc(16, 0xab),
    signerCertificate: requester.certificate,
  };
  const issued = issueDeviceCertificate({
    ca,
    publicKey: requester.publicKey,
    subject: [{ shortName: 'CN', value: 'Test Mac' }],
    lifetimeDays: 365,
  });
  let dir: string;
  const path = (name: string) => join(dir, name);

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'certrep-test-'));
    writeFileSync(path('ca.pem'), material.certificatePem);
    writeFileSync(
      path('client.pem'),
      forge.pki.certificateToPem(requester.certificate),
    );
    writeFileSync(
      path('client.key'),
      requester.key.export({ type: 'pkcs8', format: 'pem' }),
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('answers SUCCESS with the issued certificate, encrypted to the requester', () => {
    const der = buildCertRep({ ca, request, status: 'SUCCESS', issued });
    const reply = readCertRep(der);
    expect(reply.signer.serialNumber).toBe(ca.certificate.serialNumber);
    expect(reply.text(SCEP_OID.messageType)).toBe('3');
    expect(reply.text(SCEP_OID.pkiStatus)).toBe('0');
    expect(reply.text(SCEP_OID.failInfo)).toBeUndefined();
    expect(reply.text(SCEP_OID.transactionId)).toBe('tx-1');
    expect(reply.bytes(SCEP_OID.recipientNonce)).toEqual(request.senderNonce);
    const senderNonce = reply.bytes(SCEP_OID.senderNonce);
    expect(senderNonce).toHaveLength(16);
    expect(senderNonce).not.toEqual(request.senderNonce);
    for (const oid of [
      SCEP_OID.messageType,
      SCEP_OID.pkiStatus,
      SCEP_OID.transactionId,
    ]) {
      expect(reply.attributes[oid].type).toBe(forge.asn1.Type.PRINTABLESTRING);
    }

    const certificates = reply.issued(requester);
    expect(certificates).toHaveLength(1);
    expect(certificates[0].serialNumber).toBe(issued.serialNumber);
  });

  it('is a CMS message openssl verifies and the requester decrypts with openssl', () => {
    writeFileSync(
      path('rep.der'),
      buildCertRep({ ca, request, status: 'SUCCESS', issued }),
    );
    const verified = spawnSync(
      openssl,
      [
        'cms',
        '-verify',
        '-inform',
        'DER',
        '-in',
        path('rep.der'),
        '-CAfile',
        path('ca.pem'),
        '-purpose',
        'any',
        '-out',
        path('envelope.der'),
      ],
      { encoding: 'utf8' },
    );
    expect(verified.stderr).toContain('Verification successful');
    execFileSync(openssl, [
      'cms',
      '-decrypt',
      '-inform',
      'DER',
      '-binary',
      '-in',
      path('envelope.der'),
      '-recip',
      path('client.pem'),
      '-inkey',
      path('client.key'),
      '-out',
      path('degenerate.der'),
    ]);
    const certs = execFileSync(
      openssl,
      [
        'pkcs7',
        '-inform',
        'DER',
        '-in',
        path('degenerate.der'),
        '-print_certs',
        '-noout',
      ],
      { encoding: 'utf8' },
    );
    expect(certs).toContain('subject=CN = Test Mac');
    expect(readFileSync(path('degenerate.der')).length).toBeGreaterThan(500);
  });

  it('answers FAILURE with a failInfo and no content', () => {
    const reply = readCertRep(
      buildCertRep({ ca, request, status: 'FAILURE', failInfo: 'badRequest' }),
    );
    expect(reply.text(SCEP_OID.pkiStatus)).toBe('2');
    expect(reply.text(SCEP_OID.failInfo)).toBe('2');
    expect(reply.bytes(SCEP_OID.recipientNonce)).toEqual(request.senderNonce);
    expect(reply.content).toHaveLength(0);
  });

  it.each([
    ['badAlg', '0'],
    ['badMessageCheck', '1'],
    ['badTime', '3'],
    ['badCertID', '4'],
  ] as const)('encodes failInfo %s as %s', (failInfo, code) => {
    const reply = readCertRep(
      buildCertRep({ ca, request, status: 'FAILURE', failInfo }),
    );
    expect(reply.text(SCEP_OID.failInfo)).toBe(code);
  });

  it('sends its signed attributes as a DER SET OF, sorted', () => {
    for (const der of [
      buildCertRep({ ca, request, status: 'SUCCESS', issued }),
      buildCertRep({ ca, request, status: 'FAILURE', failInfo: 'badRequest' }),
    ]) {
      const encodings = verifyCms(der).signedAttributes.map(toDerBuffer);
      // contentType, signingTime, messageDigest + 5 or 6 SCEP attributes
      expect(encodings.length).toBeGreaterThanOrEqual(8);
      expect(encodings).toEqual([...encodings].sort(Buffer.compare));
    }
  });

  it('refuses inconsistent arguments', () => {
    expect(() => buildCertRep({ ca, request, status: 'SUCCESS' })).toThrow(
      'needs the issued certificate',
    );
    expect(() => buildCertRep({ ca, request, status: 'FAILURE' })).toThrow(
      'needs a failInfo',
    );
  });
});
