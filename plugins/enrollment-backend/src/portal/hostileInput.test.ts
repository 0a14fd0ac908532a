/* eslint jest/expect-expect: ["warn", { "assertFunctionNames": ["expect", "expectRefusal"] }] */
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import request from 'supertest';
import { enrollmentPlugin } from '../plugin';

jest.setTimeout(60_000);

const TOPIC = 'com.apple.mgmt.External.11111111-2222-3333-4444-555555555555';
const SAFARI =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15';
const BASE = '/api/enrollment';

/**
 * The public routes are open to anyone: whatever arrives, the answer is a
 * 4xx that says what is wrong (a page on the portal, text on SCEP and MDM),
 * never a 500, a stack trace, or a 401 on the MDM routes (which would
 * unenroll a Mac).
 */
describe('public routes under hostile input', () => {
  let server: any;
  beforeAll(async () => {
    const backend = await startTestBackend({
      features: [
        enrollmentPlugin,
        mockServices.permissions.factory(),
        mockServices.rootConfig.factory({
          data: {
            enrollment: {
              topic: TOPIC,
              allowInsecureUrls: true,
              portal: {
                localAccounts: [
                  { username: 'enroll', password: 'local-secret-1' },
                ],
              },
            },
          },
        }),
      ],
    });
    server = backend.server;
  });

  const expectRefusal = (
    res: request.Response,
    kind: 'page' | 'text',
    status?: number,
  ) => {
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    if (status) expect(res.status).toBe(status);
    expect(res.text).not.toMatch(/\n\s+at |node_modules|stack/i);
    if (kind === 'page') {
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.text).toContain('id="enroll-error"');
    }
  };

  const portal = () => request.agent(server);
  const big = 'x'.repeat(40_000);

  it.each([
    [
      'an unknown code',
      '?invitation=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    ],
    ['a malformed code', '?invitation=%3Cscript%3Ealert(1)%3C%2Fscript%3E'],
    ['two codes', '?invitation=a&invitation=b'],
    ['a code as an object', '?invitation[x]=1'],
    ['a huge code', `?invitation=${'A'.repeat(5000)}`],
  ])('answers an invitation link with %s with a page', async (_n, query) => {
    const res = await portal()
      .get(`${BASE}/enroll${query}`)
      .set('User-Agent', SAFARI);
    expectRefusal(res, 'page');
    expect(res.text).not.toContain('<script>alert');
  });

  it('answers an unknown portal path with a page', async () => {
    expectRefusal(await portal().get(`${BASE}/enroll/nope`), 'page', 404);
  });

  it('survives a garbled session cookie', async () => {
    const res = await request(server)
      .get(`${BASE}/enroll`)
      .set('User-Agent', SAFARI)
      .set('Cookie', `enroll_sid=%E0%A4%A; enroll_sid=${'z'.repeat(4000)}`);
    expect(res.status).toBe(200);
    expect(res.text).toContain('id="enroll-login"');
  });

  describe('login form', () => {
    const post = (body: string, type = 'application/x-www-form-urlencoded') =>
      portal()
        .post(`${BASE}/enroll/login`)
        .set('User-Agent', SAFARI)
        .set('Content-Type', type)
        .send(body);

    it.each([
      ['no body', ''],
      ['no CSRF token', 'username=enroll&password=local-secret-1'],
      ['fields as arrays', 'username=a&username=b&password=c&csrf=d'],
      ['JSON', '{"username":"enroll"}'],
    ])('refuses %s with a page', async (_n, body) => {
      const type = body.startsWith('{')
        ? 'application/json'
        : 'application/x-www-form-urlencoded';
      expectRefusal(await post(body, type), 'page');
    });

    it('refuses a body that is too large with a page', async () => {
      expectRefusal(await post(`username=${big}`), 'page', 413);
    });

    it('refuses too many fields with a page', async () => {
      const many = Array.from({ length: 50 }, (_, i) => `f${i}=1`).join('&');
      expectRefusal(await post(many), 'page', 413);
    });

    it('refuses a body in an unknown charset with a page', async () => {
      expectRefusal(
        await post(
          'username=a',
          'application/x-www-form-urlencoded; charset=klingon',
        ),
        'page',
        415,
      );
    });
  });

  it.each(['assign', 'eula', 'site'])(
    'refuses a %s form without a session with a page',
    async step => {
      expectRefusal(
        await portal()
          .post(`${BASE}/enroll/${step}`)
          .type('form')
          .send({ csrf: 'x' }),
        'page',
      );
    },
  );

  it.each([
    'ca.cer',
    'profile.mobileconfig',
    'quickadd.pkg',
    'ca.cer?token=',
    'ca.cer?token[]=a',
    `profile.mobileconfig?token=${'A'.repeat(3000)}`,
  ])(
    'refuses the download %s without a valid token with a page',
    async path => {
      expectRefusal(await portal().get(`${BASE}/enroll/${path}`), 'page', 403);
    },
  );

  describe('SCEP', () => {
    it.each([
      ['no operation', ''],
      ['an unknown operation', '?operation=DropTables'],
      ['two operations', '?operation=GetCACert&operation=GetCACaps'],
      ['a message that is not base64', '?operation=PKIOperation&message=%%%'],
      [
        'a message that is not a PKIMessage',
        '?operation=PKIOperation&message=aGVsbG8=',
      ],
      ['an empty message', '?operation=PKIOperation&message='],
    ])('refuses GET with %s', async (_n, query) => {
      expectRefusal(await request(server).get(`${BASE}/scep${query}`), 'text');
    });

    it('refuses POSTed garbage and oversized bodies', async () => {
      expectRefusal(
        await request(server)
          .post(`${BASE}/scep?operation=PKIOperation`)
          .set('Content-Type', 'application/x-pki-message')
          .send(Buffer.from('garbage')),
        'text',
        400,
      );
      expectRefusal(
        await request(server)
          .post(`${BASE}/scep?operation=PKIOperation`)
          .set('Content-Type', 'application/x-pki-message')
          .send(Buffer.alloc(200_000, 1)),
        'text',
        413,
      );
      expectRefusal(
        await request(server)
          .post(`${BASE}/scep?operation=PKIOperation`)
          .set('Content-Type', 'application/x-pki-message')
          .set('Content-Encoding', 'x-bogus')
          .send(Buffer.from('x')),
        'text',
        415,
      );
    });
  });

  describe('MDM', () => {
    const put = (path: string, body: Buffer | string, headers = {}) =>
      request(server)
        .put(`${BASE}/mdm/${path}`)
        .set('Content-Type', 'application/x-apple-aspen-mdm-checkin')
        .set(headers)
        .send(Buffer.from(body));

    it.each(['checkin', 'connect'])(
      'refuses unsigned, garbage-signed, garbage and oversized %s messages, never with 401',
      async path => {
        const plistBody =
          '<?xml version="1.0"?><plist version="1.0"><dict><key>MessageType</key><string>Authenticate</string></dict></plist>';
        for (const res of [
          await put(path, plistBody),
          await put(path, plistBody, {
            'Mdm-Signature': 'bm90IGEgc2lnbmF0dXJl',
          }),
          await put(path, plistBody, { 'Mdm-Signature': '%%%' }),
          await put(path, 'not a plist', { 'Mdm-Signature': 'AAAA' }),
          await put(path, Buffer.alloc(3_000_000, 0x41)),
        ]) {
          expectRefusal(res, 'text');
          expect(res.status).not.toBe(401);
        }
      },
    );

    it.each(['checkin', 'connect'])(
      'refuses a %s body in an encoding it cannot read with 415, not 500',
      async path => {
        const res = await put(path, 'x', { 'Content-Encoding': 'x-bogus' });
        expectRefusal(res, 'text', 415);
      },
    );

    it('refuses a check-in with the wrong content type', async () => {
      const res = await request(server)
        .put(`${BASE}/mdm/checkin`)
        .set('Content-Type', 'text/plain')
        .send('hello');
      expectRefusal(res, 'text', 400);
    });
  });
});
