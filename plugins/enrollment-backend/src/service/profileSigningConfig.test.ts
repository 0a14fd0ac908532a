import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mockCredentials } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { RunningSlapd } from '@internal/test-harness';
import request from 'supertest';
import {
  createInvitation,
  loginAtPortal,
  SAFARI_14,
  startEnrollmentBackend,
} from '../__testUtils__/macAtPortal';
import {
  exportP12,
  fingerprint,
  ThirdPartyCa,
  verifyProfileSigner,
} from '../__testUtils__/thirdPartySigner';
import { readProfileSigningSettings } from '../mdm/ProfileSigningSettings';

jest.setTimeout(180_000);

describe('enrollment.profileSigning from app-config', () => {
  let slapd: RunningSlapd;
  let server: any;
  let dir: string;
  let thirdParty: ThirdPartyCa;
  let signer: { cert: string; key: string };
  const read = (file: string) => readFileSync(file, 'utf8');
  const admin = () => mockCredentials.user.header('user:default/admin');
  const api = (method: 'get' | 'put' | 'delete', body?: unknown) => {
    const req = request(server)
      [method]('/api/enrollment/profile-signing')
      .set('Authorization', admin());
    return body === undefined ? req : req.send(body as any);
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'signing-config-'));
    thirdParty = new ThirdPartyCa(dir);
    signer = thirdParty.issue('Configured Signer');
    ({ server, slapd } = await startEnrollmentBackend({
      profileSigning: {
        certificate: read(signer.cert) + read(thirdParty.caPem),
        privateKey: read(signer.key),
      },
    }));
  });
  afterAll(async () => {
    await slapd?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('signs every profile with it, and it wins over uploads', async () => {
    expect((await api('get')).body).toMatchObject({
      source: 'config',
      subject: 'O=Acme, CN=Configured Signer',
      chain: [
        'O=Acme, CN=Configured Signer',
        'O=Trusted Roots Inc, CN=thirdparty-ca',
      ],
    });
    const invitation = await createInvitation(server);
    const safari = await loginAtPortal(server, {
      userAgent: SAFARI_14,
      invitationUrl: invitation.url,
      username: 'alice',
      password: slapd.people.alice.password,
    });
    const profile = await safari.download(safari.href('download-profile'));
    writeFileSync(join(dir, 'profile.der'), profile.body);
    expect(
      verifyProfileSigner(
        join(dir, 'profile.der'),
        thirdParty.caPem,
        join(dir, 'signer-out.pem'),
      ),
    ).toBe(fingerprint(signer.cert));

    const other = thirdParty.issue('Uploaded Signer');
    const put = await api('put', {
      p12: exportP12(dir, other, 'pw'),
      password: 'pw',
    });
    expect(put.status).toBe(409);
    expect(put.body.error.message).toMatch(/enrollment.profileSigning/);
    expect((await api('delete')).status).toBe(409);
    expect((await api('get')).body.source).toBe('config');
  });

  it('refuses at start-up what could not sign, saying why', () => {
    const settings = (certificate: string, privateKey: string) => () =>
      readProfileSigningSettings(
        new ConfigReader({ profileSigning: { certificate, privateKey } }),
      );
    const expired = thirdParty.issue('Expired', { days: -1 });
    const other = thirdParty.issue('Other');
    const encipher = thirdParty.issue('Encipher', {
      extensions: 'keyUsage=keyEncipherment\n',
    });
    expect(settings(read(expired.cert), read(expired.key))).toThrow(
      /enrollment.profileSigning: the signing certificate expired on/,
    );
    expect(settings(read(signer.cert), read(other.key))).toThrow(
      /private key does not belong to the certificate/,
    );
    expect(settings(read(encipher.cert), read(encipher.key))).toThrow(
      /keyUsage lacks digitalSignature/,
    );
    expect(settings('not a certificate', read(signer.key))).toThrow(
      /must hold the signing certificate \(PEM\)/,
    );
    expect(settings(read(signer.cert), 'not a key')).toThrow(
      /not an unencrypted PEM private key/,
    );
    expect(readProfileSigningSettings(new ConfigReader({}))).toBeUndefined();
  });
});
