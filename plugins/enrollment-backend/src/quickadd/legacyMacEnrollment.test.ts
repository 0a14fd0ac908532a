import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { requireCommand, RunningSlapd } from '@internal/test-harness';
import request from 'supertest';
import {
  binary,
  createInvitation,
  derToPem,
  loginAtPortal,
  payloadOf,
  runScepclient,
  SAFARI_1012,
  startEnrollmentBackend,
  TOPIC,
  verifyAndParseProfile,
  verifyCertificate,
} from '../__testUtils__/macAtPortal';

jest.setTimeout(180_000);

const bsdtar = requireCommand('bsdtar', 'libarchive-tools');

describe('a Mac on macOS 10.12 enrolls with the QuickAdd package', () => {
  let slapd: RunningSlapd;
  let server: any;
  let dir: string;

  beforeAll(async () => {
    ({ server, slapd } = await startEnrollmentBackend({
      quickadd: { identifier: 'com.acme.enrollment' },
    }));
    dir = mkdtempSync(join(tmpdir(), 'legacy-mac-'));
  });
  afterAll(async () => {
    await slapd?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('downloads a package whose profile is signed by our CA and whose challenge gets a certificate', async () => {
    const invitation = await createInvitation(server);
    const safari = await loginAtPortal(server, {
      userAgent: SAFARI_1012,
      invitationUrl: invitation.url,
      username: 'bob',
      password: slapd.people.bob.password,
    });
    expect(safari.downloads).not.toContain('id="download-profile"');
    expect(safari.downloads).toContain('Control-click the package');
    const href = safari.href('download-quickadd');

    const pkg = await safari.download(href);
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
    writeFileSync(
      join(dir, 'profile.der'),
      execFileSync(bsdtar, ['-xOf', '-', './enrollment.mobileconfig'], {
        input: execFileSync(bsdtar, ['-xOf', pkgFile, 'base.pkg/Scripts']),
      }),
    );

    // The CA as a Mac's SCEP client gets it.
    const caDer = await request(server)
      .get('/api/enrollment/scep?operation=GetCACert')
      .buffer(true)
      .parse(binary);
    writeFileSync(join(dir, 'ca.der'), caDer.body);
    derToPem(join(dir, 'ca.der'), join(dir, 'ca.pem'));
    const profile = verifyAndParseProfile(
      dir,
      join(dir, 'profile.der'),
      join(dir, 'ca.pem'),
    );
    expect(payloadOf(profile, 'com.apple.mdm')).toMatchObject({
      Topic: TOPIC,
      SignMessage: true,
    });

    const cert = join(dir, 'cert.pem');
    await runScepclient(server, payloadOf(profile, 'com.apple.security.scep'), {
      key: join(dir, 'key.pem'),
      cert,
      cn: 'Bob Mac',
    });
    expect(verifyCertificate(join(dir, 'ca.pem'), cert)).toBe(`${cert}: OK`);
  });
});
