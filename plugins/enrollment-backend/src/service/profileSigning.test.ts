import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mockCredentials } from '@backstage/backend-test-utils';
import { RunningSlapd } from '@internal/test-harness';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import {
  createInvitation,
  loginAtPortal,
  payloadOf,
  SAFARI_14,
  startEnrollmentBackend,
  verifyAndParseProfile,
  writeCaPem,
} from '../__testUtils__/macAtPortal';
import { switchablePermissions } from '../__testUtils__/permissions';
import {
  exportP12,
  fingerprint,
  mismatchedP12,
  ThirdPartyCa,
  verifyProfileSigner,
} from '../__testUtils__/thirdPartySigner';

jest.setTimeout(180_000);

const PASSWORD = 'p12-pass phrase!';

describe('profile signing with a third-party identity', () => {
  let slapd: RunningSlapd;
  let server: any;
  let dir: string;
  let thirdParty: ThirdPartyCa;
  let signer: { cert: string; key: string };
  const permissions = switchablePermissions();
  const admin = () => mockCredentials.user.header('user:default/admin');
  const api = (method: 'get' | 'put' | 'delete', body?: unknown) => {
    const req = request(server)
      [method]('/api/enrollment/profile-signing')
      .set('Authorization', admin());
    return body === undefined ? req : req.send(body as any);
  };

  beforeAll(async () => {
    ({ server, slapd } = await startEnrollmentBackend(
      {},
      { permissions: permissions.service.factory },
    ));
    dir = mkdtempSync(join(tmpdir(), 'signing-'));
    thirdParty = new ThirdPartyCa(dir);
    signer = thirdParty.issue('Acme Profile Signer');
  });
  afterAll(async () => {
    await slapd?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  /** A person logs in at the portal and downloads a profile; its file. */
  async function downloadProfile(name: string): Promise<string> {
    const invitation = await createInvitation(server);
    const safari = await loginAtPortal(server, {
      userAgent: SAFARI_14,
      invitationUrl: invitation.url,
      username: 'alice',
      password: slapd.people.alice.password,
    });
    const profile = await safari.download(safari.href('download-profile'));
    expect(profile.status).toBe(200);
    const file = join(dir, `${name}.der`);
    writeFileSync(file, profile.body);
    return file;
  }

  it.each([
    ['OpenSSL 3 defaults (AES, PBKDF2)', false],
    ['-legacy (3DES, RC2)', true],
  ])(
    'signs profiles with an uploaded .p12, %s, that verify against the third-party root; DELETE goes back to our CA',
    async (_, legacy) => {
      const p12 = exportP12(
        dir,
        { ...signer, chain: thirdParty.caPem },
        PASSWORD,
        { legacy },
      );
      const put = await api('put', { p12, password: PASSWORD });
      expect(put.status).toBe(200);
      expect(put.body).toEqual({
        source: 'upload',
        subject: 'O=Acme, CN=Acme Profile Signer',
        issuer: 'O=Trusted Roots Inc, CN=thirdparty-ca',
        notAfter: expect.any(String),
        expired: false,
        chain: [
          'O=Acme, CN=Acme Profile Signer',
          'O=Trusted Roots Inc, CN=thirdparty-ca',
        ],
      });
      expect(JSON.stringify(put.body)).not.toMatch(/PRIVATE|p12-pass/);
      expect((await api('get')).body).toEqual(put.body);

      // The Mac's view: openssl cms -verify against the third-party root,
      // signed by the uploaded certificate; the CA still in the profile.
      const profile = await downloadProfile(`third-party-${legacy}`);
      const signerOut = join(dir, 'signer-out.pem');
      expect(verifyProfileSigner(profile, thirdParty.caPem, signerOut)).toBe(
        fingerprint(signer.cert),
      );
      const ourCa = await writeCaPem(server, dir);
      const parsed = verifyAndParseProfile(dir, profile, thirdParty.caPem);
      expect(payloadOf(parsed, 'com.apple.security.root').PayloadContent).toBe(
        readFileSync(join(dir, 'ca.der')).toString('hex'),
      );
      expect(() =>
        verifyProfileSigner(profile, ourCa, join(dir, 'x.pem')),
      ).toThrow();

      // Back to our CA.
      expect((await api('delete')).status).toBe(204);
      expect((await api('get')).body).toMatchObject({
        source: 'ca',
        subject: 'O=Acme, CN=Acme Profile Signing',
      });
      const again = await downloadProfile(`ours-${legacy}`);
      expect(verifyProfileSigner(again, ourCa, signerOut)).not.toBe(
        fingerprint(signer.cert),
      );
      expect(() =>
        verifyProfileSigner(again, thirdParty.caPem, join(dir, 'x.pem')),
      ).toThrow();
    },
  );

  describe('refuses what could not sign, storing nothing', () => {
    /** What a refused upload answered; checks nothing was kept or leaked. */
    const refusal = async (body: unknown) => {
      const res = await api('put', body);
      expect(JSON.stringify(res.body)).not.toMatch(/PRIVATE KEY|p12-pass/);
      expect((await api('get')).body.source).toBe('ca');
      return {
        status: res.status,
        json: /json/.test(res.headers['content-type']),
        message: res.body.error?.message,
      };
    };
    const refused = (status: number, message: RegExp) => ({
      status,
      json: true,
      message: expect.stringMatching(message),
    });

    it('a wrong password', async () => {
      const p12 = exportP12(dir, signer, PASSWORD);
      expect(await refusal({ p12, password: 'wrong' })).toEqual(
        refused(400, /password is wrong/),
      );
    });

    it('a .p12 whose key is not the certificate’s', async () => {
      const other = thirdParty.issue('Other Signer');
      const p12 = mismatchedP12(signer, other.key, PASSWORD);
      expect(await refusal({ p12, password: PASSWORD })).toEqual(
        refused(400, /private key does not belong to the certificate/),
      );
    });

    it('a .p12 without a private key', async () => {
      const p12 = exportP12(dir, { cert: signer.cert }, PASSWORD);
      expect(await refusal({ p12, password: PASSWORD })).toEqual(
        refused(400, /must hold the signing certificate and its private key/),
      );
    });

    it('an expired certificate', async () => {
      const expired = thirdParty.issue('Expired Signer', { days: -1 });
      const p12 = exportP12(dir, expired, PASSWORD);
      expect(await refusal({ p12, password: PASSWORD })).toEqual(
        refused(400, /expired on/),
      );
    });

    it('a certificate without digitalSignature', async () => {
      const encipher = thirdParty.issue('Encipher Only', {
        extensions:
          'keyUsage=critical,keyEncipherment\nextendedKeyUsage=emailProtection\n',
      });
      const p12 = exportP12(dir, encipher, PASSWORD);
      expect(await refusal({ p12, password: PASSWORD })).toEqual(
        refused(400, /keyUsage lacks digitalSignature/),
      );
    });

    it('a certificate for TLS servers only', async () => {
      const tls = thirdParty.issue('TLS Server', {
        extensions: 'keyUsage=digitalSignature\nextendedKeyUsage=serverAuth\n',
      });
      const p12 = exportP12(dir, tls, PASSWORD);
      expect(await refusal({ p12, password: PASSWORD })).toEqual(
        refused(
          400,
          /extendedKeyUsage has none of emailProtection, codeSigning, anyExtendedKeyUsage/,
        ),
      );
    });

    it('an EC key, which profiles cannot be signed with', async () => {
      const ec = thirdParty.issue('EC Signer', {
        newKey: ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1'],
      });
      const p12 = exportP12(dir, ec, PASSWORD);
      expect(await refusal({ p12, password: PASSWORD })).toEqual(
        refused(400, /private key is EC/),
      );
    });

    it('a 5 MB body', async () => {
      expect(
        await refusal({ p12: 'A'.repeat(5 * 1024 * 1024), password: PASSWORD }),
      ).toEqual(refused(413, /too large/i));
    });

    it('a .p12 that is not base64, or not a .p12', async () => {
      expect(await refusal({ p12: '%%% not base64 %%%' })).toEqual(
        refused(400, /must be base64/),
      );
      expect(
        await refusal({ p12: Buffer.from('hello').toString('base64') }),
      ).toEqual(refused(400, /not a \.p12/));
    });
  });

  it('needs the settings update permission to upload and remove', async () => {
    permissions.set(name => ({
      result:
        name === 'enrollment.settings.update'
          ? AuthorizeResult.DENY
          : AuthorizeResult.ALLOW,
    }));
    try {
      const p12 = exportP12(dir, signer, PASSWORD);
      expect((await api('put', { p12, password: PASSWORD })).status).toBe(403);
      expect((await api('delete')).status).toBe(403);
      expect((await api('get')).body.source).toBe('ca');
    } finally {
      permissions.set(() => ({ result: AuthorizeResult.ALLOW }));
    }
  });
});
