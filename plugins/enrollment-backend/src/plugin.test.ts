import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import { enrollmentPlugin } from './plugin';

const SAFARI =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15';

async function startBackend(
  options: {
    result?: AuthorizeResult.ALLOW | AuthorizeResult.DENY;
    organization?: string;
  } = {},
) {
  return startTestBackend({
    features: [
      enrollmentPlugin,
      mockServices.rootConfig.factory({
        data: {
          enrollment: {
            organization: options.organization ?? 'Acme Fruit',
            topic: 'com.apple.mgmt.External.test',
            // The test backend is plain http.
            allowInsecureUrls: true,
          },
        },
      }),
      mockServices.permissions.factory({
        result: options.result ?? AuthorizeResult.ALLOW,
      }),
    ],
  });
}

describe('enrollment backend plugin', () => {
  it('serves the portal to callers without credentials', async () => {
    const { server } = await startBackend();
    const res = await request(server)
      .get('/api/enrollment/enroll')
      .set('User-Agent', SAFARI)
      .set('Authorization', mockCredentials.none.header());
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.text).toContain('<form id="enroll-login"');
    expect(res.text).toContain('Acme Fruit');
  });

  it('escapes the organization name on the portal', async () => {
    const { server } = await startBackend({
      organization: '<script>alert(1)</script> & Co',
    });
    const res = await request(server).get('/api/enrollment/enroll');
    expect(res.text).not.toContain('<script>alert(1)</script>');
    expect(res.text).toContain(
      '&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co',
    );
  });

  it('redirects <backend>/enroll to the portal, keeping the query string', async () => {
    const { server } = await startBackend();
    const res = await request(server).get('/enroll?invitation=abc%20123&x=1');
    expect(res.status).toBe(302);
    expect(res.headers.location).toMatch(
      /^http:\/\/localhost:\d+\/api\/enrollment\/enroll\?invitation=abc%20123&x=1$/,
    );
    const bare = await request(server).get('/enroll');
    expect(bare.status).toBe(302);
    expect(bare.headers.location).toMatch(/\/api\/enrollment\/enroll$/);
  });

  it('does not redirect deeper paths anywhere (no open redirect)', async () => {
    const { server } = await startBackend();
    const res = await request(server).get('/enroll//evil.example.com');
    expect(res.status).toBe(404);
    expect(res.headers.location).toBeUndefined();
  });

  it('answers 401 on admin routes without credentials', async () => {
    const { server } = await startBackend();
    for (const path of [
      '/api/enrollment/ca',
      '/api/enrollment/invitations',
      '/api/enrollment/anything',
    ]) {
      const res = await request(server)
        .get(path)
        .set('Authorization', mockCredentials.none.header());
      expect({ path, status: res.status }).toEqual({ path, status: 401 });
    }
  });

  it('shows admins the CA, without its key', async () => {
    const { server } = await startBackend();
    const res = await request(server)
      .get('/api/enrollment/ca')
      .set('Authorization', mockCredentials.user.header());
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      subject: 'O=Acme Fruit, CN=Acme Fruit Enrollment CA',
      serialNumber: expect.stringMatching(/^[0-9a-f]{32}$/),
      notBefore: expect.any(String),
      notAfter: expect.any(String),
      sha256Fingerprint: expect.stringMatching(
        /^([0-9A-F]{2}:){31}[0-9A-F]{2}$/,
      ),
    });
    expect(res.text).not.toMatch(/PRIVATE KEY/);
  });

  it('answers 403 with a JSON error when the policy denies', async () => {
    const { server } = await startBackend({ result: AuthorizeResult.DENY });
    const res = await request(server)
      .get('/api/enrollment/ca')
      .set('Authorization', mockCredentials.user.header());
    expect(res.status).toBe(403);
    expect(res.body.error).toMatchObject({
      name: 'NotAllowedError',
      message: expect.stringContaining('enrollment.settings.read'),
    });
  });
});
