import { execFileSync } from 'node:child_process';
import { requireCommand } from '@internal/test-harness';
import { buildEnrollmentProfile } from './enrollmentProfile';

const input = {
  organization: 'Acme & Co',
  topic: 'com.apple.mgmt.External.1234',
  serverUrl: 'https://mdm.example.com/api/enrollment/mdm/connect',
  checkInUrl: 'https://mdm.example.com/api/enrollment/mdm/checkin',
  scepUrl: 'https://mdm.example.com/api/enrollment/scep',
  challenge: 'challenge-abc',
  caCertificateDer: Buffer.from([0x30, 0x03, 0x02, 0x01, 0x01]),
  identityName: 'Alice Archer',
  identifierPrefix: 'com.example.enrollment',
};

/** Parses with Python's plistlib: a parser other than ours. */
function parseWithPython(xml: string): any {
  const python = requireCommand('python3', 'python3');
  const json = execFileSync(
    python,
    [
      '-c',
      'import sys, json, plistlib, base64\n' +
        'def enc(o):\n' +
        '  if isinstance(o, bytes): return {"$data": base64.b64encode(o).decode()}\n' +
        '  raise TypeError(type(o))\n' +
        'print(json.dumps(plistlib.loads(sys.stdin.buffer.read()), default=enc))',
    ],
    { input: xml },
  ).toString();
  return JSON.parse(json);
}

describe('buildEnrollmentProfile', () => {
  it('builds the CA, SCEP and MDM payloads as Apple documents them', () => {
    const profile = parseWithPython(buildEnrollmentProfile(input));
    expect(profile).toMatchObject({
      PayloadType: 'Configuration',
      PayloadVersion: 1,
      PayloadScope: 'System',
      PayloadOrganization: 'Acme & Co',
      PayloadIdentifier: 'com.example.enrollment',
    });
    const [root, scep, mdm] = profile.PayloadContent;
    expect(root).toMatchObject({
      PayloadType: 'com.apple.security.root',
      PayloadContent: {
        $data: Buffer.from(input.caCertificateDer).toString('base64'),
      },
    });
    expect(scep).toMatchObject({
      PayloadType: 'com.apple.security.scep',
      PayloadContent: {
        URL: input.scepUrl,
        Challenge: 'challenge-abc',
        Keysize: 2048,
        'Key Type': 'RSA',
        'Key Usage': 5,
        Subject: [[['O', 'Acme & Co']], [['CN', 'Alice Archer MDM identity']]],
      },
    });
    expect(mdm).toMatchObject({
      PayloadType: 'com.apple.mdm',
      IdentityCertificateUUID: scep.PayloadUUID,
      Topic: input.topic,
      ServerURL: input.serverUrl,
      CheckInURL: input.checkInUrl,
      SignMessage: true,
      AccessRights: 8191,
      CheckOutWhenRemoved: true,
      ServerCapabilities: [
        'com.apple.mdm.per-user-connections',
        'com.apple.mdm.bootstraptoken',
      ],
    });
    expect(new URL(scep.PayloadContent.URL).search).toBe('');
  });

  it('carries the server TLS chain as certificate payloads before the identity (enrollment.tlsTrust)', () => {
    const chain = [Buffer.from('leaf-der'), Buffer.from('intermediate-der')];
    const profile = parseWithPython(
      buildEnrollmentProfile({ ...input, tlsTrustDer: chain }),
    );
    const types = profile.PayloadContent.map((p: any) => p.PayloadType);
    expect(types).toEqual([
      'com.apple.security.root',
      'com.apple.security.pkcs1',
      'com.apple.security.pkcs1',
      'com.apple.security.scep',
      'com.apple.mdm',
    ]);
    expect(profile.PayloadContent[1]).toMatchObject({
      PayloadIdentifier: 'com.example.enrollment.tls.1',
      PayloadContent: { $data: chain[0].toString('base64') },
    });
    expect(profile.PayloadContent[2].PayloadContent).toEqual({
      $data: chain[1].toString('base64'),
    });
  });

  it('leaves the CA out when asked and uses fresh UUIDs per download', () => {
    const a = parseWithPython(
      buildEnrollmentProfile({ ...input, caCertificateDer: undefined }),
    );
    const b = parseWithPython(buildEnrollmentProfile(input));
    expect(a.PayloadContent.map((p: any) => p.PayloadType)).toEqual([
      'com.apple.security.scep',
      'com.apple.mdm',
    ]);
    const uuids = (p: any) => [
      p.PayloadUUID,
      ...p.PayloadContent.map((c: any) => c.PayloadUUID),
    ];
    const all = [...uuids(a), ...uuids(b)];
    expect(new Set(all).size).toBe(all.length);
  });
});
