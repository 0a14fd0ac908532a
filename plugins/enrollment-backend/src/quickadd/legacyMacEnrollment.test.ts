import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import {
  requireCommand,
  RunningSlapd,
  startSlapd,
} from '@internal/test-harness';
import request from 'supertest';
import { enrollmentPlugin } from '../plugin';

jest.setTimeout(180_000);

const openssl = requireCommand('openssl', 'openssl');
const bsdtar = requireCommand('bsdtar', 'libarchive-tools');
const scepclient = requireCommand('scepclient', 'scep');
const python = requireCommand('python3', 'python3');
const SAFARI_1012 =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_12_6) AppleWebKit/603.3.8 (KHTML, like Gecko) Version/10.1.2 Safari/603.3.8';
const TOPIC = 'com.apple.mgmt.External.11111111-2222-3333-4444-555555555555';

const binary = (res: any, done: any) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

describe('a Mac on macOS 10.12 enrolls with the QuickAdd package', () => {
  let slapd: RunningSlapd;
  let server: any;
  let dir: string;

  beforeAll(async () => {
    slapd = await startSlapd();
    dir = mkdtempSync(join(tmpdir(), 'legacy-mac-'));
    const backend = await startTestBackend({
      features: [
        enrollmentPlugin,
        mockServices.permissions.factory(),
        mockServices.rootConfig.factory({
          data: {
            enrollment: {
              organization: 'Acme',
              topic: TOPIC,
              quickadd: { identifier: 'com.acme.enrollment' },
              ldap: {
                url: slapd.url,
                bindDn: slapd.bindDn,
                bindPassword: slapd.bindPassword,
                users: { baseDn: slapd.baseDn },
              },
            },
          },
        }),
      ],
    });
    server = backend.server;
  });
  afterAll(async () => {
    await slapd?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('downloads a package whose profile is signed by our CA and whose challenge gets a certificate', async () => {
    const invitation = (
      await request(server)
        .post('/api/enrollment/invitations')
        .set('Authorization', mockCredentials.user.header('user:default/it'))
        .send({
          recipients: [],
          expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
          requireLogin: true,
          multipleUses: false,
        })
    ).body;
    const safari = request.agent(server);
    const get = (path: string) =>
      safari.get(path).set('User-Agent', SAFARI_1012);
    const link = new URL(invitation.url);
    await get(`/api/enrollment${link.pathname}${link.search}`);
    const loginPage = await get('/api/enrollment/enroll');
    const csrf = /name="csrf" value="([^"]+)"/.exec(loginPage.text)![1];
    await safari
      .post('/api/enrollment/enroll/login')
      .set('User-Agent', SAFARI_1012)
      .type('form')
      .send({ csrf, username: 'bob', password: slapd.people.bob.password });
    const downloads = await get('/api/enrollment/enroll');
    expect(downloads.text).not.toContain('id="download-profile"');
    expect(downloads.text).toContain('Control-click the package');
    const href = /id="download-quickadd" href="([^"]+)"/
      .exec(downloads.text)![1]
      .replace(/&amp;/g, '&');

    const pkg = await get(href).buffer(true).parse(binary);
    expect(pkg.status).toBe(200);
    expect(pkg.headers['content-type']).toBe('application/octet-stream');
    expect(pkg.headers['content-disposition']).toBe(
      'attachment; filename="Acme QuickAdd.pkg"',
    );
    expect(pkg.headers['cache-control']).toBe('no-store');
    const pkgFile = join(dir, 'QuickAdd.pkg');
    writeFileSync(pkgFile, pkg.body);
    // Another browser cannot use the link.
    expect(
      (await request(server).get(href).set('User-Agent', SAFARI_1012)).status,
    ).toBe(403);

    const packageInfo = execFileSync(bsdtar, [
      '-xOf',
      pkgFile,
      'base.pkg/PackageInfo',
    ]).toString();
    expect(packageInfo).toContain('identifier="com.acme.enrollment"');
    const profileDer = execFileSync(
      bsdtar,
      ['-xOf', '-', './enrollment.mobileconfig'],
      {
        input: execFileSync(bsdtar, ['-xOf', pkgFile, 'base.pkg/Scripts']),
      },
    );
    writeFileSync(join(dir, 'profile.der'), profileDer);

    // The CA as a Mac's SCEP client gets it.
    const caDer = await request(server)
      .get('/api/enrollment/scep?operation=GetCACert')
      .buffer(true)
      .parse(binary);
    writeFileSync(join(dir, 'ca.der'), caDer.body);
    execFileSync(openssl, [
      'x509',
      '-inform',
      'DER',
      '-in',
      join(dir, 'ca.der'),
      '-out',
      join(dir, 'ca.pem'),
    ]);
    execFileSync(
      openssl,
      [
        'cms',
        '-verify',
        '-inform',
        'DER',
        '-in',
        join(dir, 'profile.der'),
        '-CAfile',
        join(dir, 'ca.pem'),
        '-out',
        join(dir, 'profile.xml'),
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const profile = JSON.parse(
      execFileSync(python, [
        '-c',
        'import sys, json, plistlib\nd = plistlib.load(open(sys.argv[1], "rb"))\n' +
          'print(json.dumps(d, default=lambda o: o.hex() if isinstance(o, bytes) else str(o)))',
        join(dir, 'profile.xml'),
      ]).toString(),
    );
    const scepPayload = profile.PayloadContent.find(
      (p: any) => p.PayloadType === 'com.apple.security.scep',
    );
    expect(
      profile.PayloadContent.find(
        (p: any) => p.PayloadType === 'com.apple.mdm',
      ),
    ).toMatchObject({ Topic: TOPIC, SignMessage: true });

    const scepUrl = new URL(scepPayload.PayloadContent.URL);
    scepUrl.host = `127.0.0.1:${server.address().port}`;
    // Not execFileSync: the SCEP server runs in this process.
    await promisify(execFile)(scepclient, [
      '-server-url',
      scepUrl.toString(),
      '-challenge',
      scepPayload.PayloadContent.Challenge,
      '-private-key',
      join(dir, 'key.pem'),
      '-certificate',
      join(dir, 'cert.pem'),
      '-cn',
      'Bob Mac',
      '-organization',
      'Acme',
    ]);
    expect(
      execFileSync(openssl, [
        'verify',
        '-CAfile',
        join(dir, 'ca.pem'),
        join(dir, 'cert.pem'),
      ])
        .toString()
        .trim(),
    ).toBe(`${join(dir, 'cert.pem')}: OK`);
  });
});
