import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { RunningSmtp, startSmtpServer } from '@internal/test-harness';
import {
  ENROLLMENT_INVITATION_RESOURCE_TYPE,
  Invitation,
} from '@macenroll/plugin-enrollment-common';
import request from 'supertest';
import { enrollmentPlugin } from '../plugin';

import { switchablePermissions } from '../__testUtils__/permissions';

jest.setTimeout(60_000);

describe('invitations admin API', () => {
  let smtp: RunningSmtp;
  let server: any;
  const permissions = switchablePermissions();
  const auth = () => mockCredentials.user.header('user:default/jane.doe');
  const inAWeek = () => new Date(Date.now() + 7 * 24 * 3600_000).toISOString();
  const valid = (overrides: object = {}) => ({
    recipients: ['a@example.com', 'b@example.com', 'c@example.com'],
    expiresAt: inAWeek(),
    requireLogin: true,
    multipleUses: false,
    ...overrides,
  });
  const post = (path: string, body: unknown) =>
    request(server)
      .post(`/api/enrollment${path}`)
      .set('Authorization', auth())
      .send(body as any);
  const get = (path: string) =>
    request(server).get(`/api/enrollment${path}`).set('Authorization', auth());

  beforeAll(async () => {
    smtp = await startSmtpServer({ rejectRecipients: /^nobody@/ });
    const backend = await startTestBackend({
      features: [
        enrollmentPlugin,
        permissions.service.factory,
        mockServices.rootConfig.factory({
          data: {
            enrollment: {
              organization: 'Acme',
              smtp: { ...smtp.clientConfig(), from: 'IT <it@acme.example>' },
              delivery: {
                intervalSeconds: 1,
                initialRetrySeconds: 0.05,
                maxRetrySeconds: 0.05,
              },
            },
          },
        }),
      ],
    });
    server = backend.server;
  });
  afterAll(() => smtp.stop());
  beforeEach(() => permissions.set(() => ({ result: AuthorizeResult.ALLOW })));

  async function waitForStatus(id: string, status: string) {
    for (let i = 0; i < 100; i++) {
      const res = await get(`/invitations/${id}`);
      if (res.body.status === status) return res.body;
      await new Promise(r => setTimeout(r, 100));
    }
    throw new Error(`invitation ${id} never became ${status}`);
  }

  it('creates an invitation, answers at once with its link, and mails every recipient a link of their own', async () => {
    const before = smtp.received.length;
    const res = await post(
      '/invitations',
      valid({ subject: 'Please enroll', message: 'Thanks!' }),
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      id: expect.any(String),
      number: expect.any(Number),
      status: 'pending',
      recipients: ['a@example.com', 'b@example.com', 'c@example.com'],
      timesUsed: 0,
      requireLogin: true,
      multipleUses: false,
      createdBy: 'user:default/jane.doe',
      url: expect.stringMatching(
        /^http:\/\/localhost:\d+\/enroll\?invitation=[A-Za-z0-9_-]{43}$/,
      ),
    });
    const code = new URL(res.body.url).searchParams.get('invitation')!;

    await waitForStatus(res.body.id, 'sent');
    const mails = (await smtp.waitForMessages(before + 3)).slice(before);
    expect(mails.map(m => m.envelope.to[0]).sort()).toEqual([
      'a@example.com',
      'b@example.com',
      'c@example.com',
    ]);
    const linkOf = (text = '') =>
      /(http:\/\/\S+\?invitation=[A-Za-z0-9_-]{43})/.exec(text)![1];
    const mailed = new Map<string, string>();
    for (const mail of mails) {
      expect(mail.parsed.subject).toBe('Please enroll');
      expect(mail.parsed.text).toContain('jane.doe from Acme IT');
      mailed.set(mail.envelope.to[0], linkOf(mail.parsed.text));
    }
    // Three recipients, three links, none of them the invitation's own.
    expect(new Set(mailed.values()).size).toBe(3);
    expect([...mailed.values()]).not.toContain(res.body.url);

    const list = await get(`/invitations?search=b%40example`);
    expect(list.body.items.map((i: Invitation) => i.id)).toContain(res.body.id);
    expect(JSON.stringify(list.body)).not.toContain(code);

    // The links can be shown again, the invitation's and each recipient's.
    const again = await get(`/invitations/${res.body.id}/link`);
    expect(again.body).toEqual({ url: res.body.url });
    const bLink = await get(
      `/invitations/${res.body.id}/link?recipient=B%40Example.com`,
    );
    expect(bLink.body).toEqual({
      url: mailed.get('b@example.com'),
      recipient: 'b@example.com',
    });
    const stranger = await get(
      `/invitations/${res.body.id}/link?recipient=z%40example.com`,
    );
    expect(stranger.status).toBe(404);
    expect(stranger.body.error.message).toBe(
      'z@example.com is not a recipient of this invitation',
    );
  });

  it('shows a link again only to those who may create invitations and see this one', async () => {
    const created = (await post('/invitations', valid({ recipients: [] })))
      .body;
    permissions.set(name =>
      name === 'enrollment.invitation.create'
        ? { result: AuthorizeResult.DENY }
        : { result: AuthorizeResult.ALLOW },
    );
    const denied = await get(`/invitations/${created.id}/link`);
    expect(denied.status).toBe(403);
    expect(JSON.stringify(denied.body)).not.toContain('invitation=');
    permissions.set(name =>
      name === 'enrollment.invitation.read'
        ? { result: AuthorizeResult.DENY }
        : { result: AuthorizeResult.ALLOW },
    );
    expect((await get(`/invitations/${created.id}/link`)).status).toBe(403);
    permissions.set(() => ({ result: AuthorizeResult.ALLOW }));
    expect((await get(`/invitations/nope/link`)).status).toBe(404);
    expect(
      (await get(`/invitations/${created.id}/link?recipient=`)).status,
    ).toBe(400);
  });

  it('names each invalid address and stores nothing', async () => {
    const before = (await get('/invitations')).body.totalCount;
    const res = await post(
      '/invitations',
      valid({ recipients: ['ok@example.com', 'foo@', 'bar'] }),
    );
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({
      name: 'InputError',
      message:
        'Not valid email addresses: "foo@", "bar". Correct or remove them and try again.',
    });
    expect((await get('/invitations')).body.totalCount).toBe(before);
  });

  it.each([
    [
      'a past expiry',
      { expiresAt: '2020-01-01T00:00:00Z' },
      /expiresAt 2020-01-01T00:00:00Z is in the past/,
    ],
    [
      'a date that is not ISO',
      { expiresAt: 'next tuesday' },
      /expiresAt must be an ISO-8601 date/,
    ],
    ['unknown fields', { color: 'blue' }, /Unrecognized key.*"color"/],
    ['a string for a boolean', { requireLogin: 'yes' }, /requireLogin/],
    [
      '10,001 recipients',
      {
        recipients: Array.from(
          { length: 10_001 },
          (_, i) => `p${i}@example.com`,
        ),
      },
      /at most 10000 recipients/,
    ],
    [
      'an unknown site',
      { siteId: 'no-such-site' },
      /There is no site with id no-such-site/,
    ],
  ])(
    'refuses %s with a message that says what to fix',
    async (_what, overrides, message) => {
      const res = await post('/invitations', valid(overrides));
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(message);
    },
  );

  it('refuses a body that is not JSON', async () => {
    const res = await request(server)
      .post('/api/enrollment/invitations')
      .set('Authorization', auth())
      .set('Content-Type', 'application/json')
      .send('{"recipients": [');
    expect(res.status).toBe(400);
  });

  it('answers 403 when the policy denies, and 401 without credentials', async () => {
    permissions.set(() => ({ result: AuthorizeResult.DENY }));
    const denied = await post('/invitations', valid());
    expect(denied.status).toBe(403);
    expect(denied.body.error.message).toContain('enrollment.invitation.create');
    expect((await get('/invitations')).status).toBe(403);
    const activity = await get('/events');
    expect(activity.status).toBe(403);
    expect(activity.body.error.message).toContain('enrollment.event.read');
    const anonymous = await request(server)
      .get('/api/enrollment/invitations')
      .set('Authorization', mockCredentials.none.header());
    expect(anonymous.status).toBe(401);
    const anonymousActivity = await request(server)
      .get('/api/enrollment/events')
      .set('Authorization', mockCredentials.none.header());
    expect(anonymousActivity.status).toBe(401);
  });

  it('limits reads to the sites a conditional decision allows', async () => {
    const site = (await post('/sites', { name: `Site ${Date.now()}` })).body;
    const inSite = (
      await post('/invitations', valid({ siteId: site.id, recipients: [] }))
    ).body;
    const elsewhere = (await post('/invitations', valid({ recipients: [] })))
      .body;
    permissions.set(name =>
      name === 'enrollment.invitation.read'
        ? {
            result: AuthorizeResult.CONDITIONAL,
            pluginId: 'enrollment',
            resourceType: ENROLLMENT_INVITATION_RESOURCE_TYPE,
            conditions: {
              rule: 'IS_IN_SITE',
              resourceType: ENROLLMENT_INVITATION_RESOURCE_TYPE,
              params: { siteIds: [site.id] },
            },
          }
        : { result: AuthorizeResult.ALLOW },
    );
    const list = await get('/invitations?limit=100');
    expect(list.body.items.map((i: Invitation) => i.id)).toEqual([inSite.id]);
    expect(list.body.totalCount).toBe(1);
    expect((await get(`/invitations/${elsewhere.id}`)).status).toBe(404);
    expect((await get(`/invitations/${inSite.id}`)).status).toBe(200);
  });

  it('lets a site-limited admin create invitations only in their sites', async () => {
    const mine = (await post('/sites', { name: `Mine ${Date.now()}` })).body;
    const theirs = (await post('/sites', { name: `Theirs ${Date.now()}` }))
      .body;
    permissions.set(name =>
      name === 'enrollment.invitation.update' ||
      name === 'enrollment.invitation.read'
        ? {
            result: AuthorizeResult.CONDITIONAL,
            pluginId: 'enrollment',
            resourceType: ENROLLMENT_INVITATION_RESOURCE_TYPE,
            conditions: {
              rule: 'IS_IN_SITE',
              resourceType: ENROLLMENT_INVITATION_RESOURCE_TYPE,
              params: { siteIds: [mine.id] },
            },
          }
        : { result: AuthorizeResult.ALLOW },
    );
    const before = (await get('/invitations?limit=100')).body.totalCount;
    const elsewhere = await post(
      '/invitations',
      valid({ siteId: theirs.id, recipients: [] }),
    );
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.body.error.message).toMatch(
      /only in the sites you manage/,
    );
    const noSite = await post('/invitations', valid({ recipients: [] }));
    expect(noSite.status).toBe(403);
    expect(noSite.body.error.message).toMatch(/pick one of your sites/);
    expect((await get('/invitations?limit=100')).body.totalCount).toBe(before);
    const inMine = await post(
      '/invitations',
      valid({ siteId: mine.id, recipients: [] }),
    );
    expect(inMine.status).toBe(201);

    // Without update at all (a role that only issues invitations), the
    // create permission alone decides, in any site.
    permissions.set(name =>
      name === 'enrollment.invitation.update'
        ? { result: AuthorizeResult.DENY }
        : { result: AuthorizeResult.ALLOW },
    );
    expect(
      (await post('/invitations', valid({ siteId: theirs.id, recipients: [] })))
        .status,
    ).toBe(201);
    permissions.set(() => ({ result: AuthorizeResult.ALLOW }));
  });

  it('paginates, filters by status and refuses bad query parameters', async () => {
    const page = await get(
      '/invitations?limit=2&offset=0&orderBy=createdAt&order=asc&status=sent,pending',
    );
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({
      offset: 0,
      limit: 2,
      totalCount: expect.any(Number),
    });
    expect(page.body.items.length).toBeLessThanOrEqual(2);
    for (const item of page.body.items)
      expect(['sent', 'pending']).toContain(item.status);
    expect((await get('/invitations?limit=1000')).status).toBe(400);
    const bad = await get('/invitations?status=bogus');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/status/);
    expect((await get('/invitations?sort=up')).status).toBe(400);
  });

  it('cancels an invitation, after which it cannot be resent', async () => {
    const created = (await post('/invitations', valid({ recipients: [] })))
      .body;
    const cancelled = await post(`/invitations/${created.id}/cancel`, {});
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({
      status: 'cancelled',
      cancelledAt: expect.any(String),
    });
    const resend = await post(`/invitations/${created.id}/resend`, {});
    expect(resend.status).toBe(409);
    expect(resend.body.error.message).toMatch(/cancelled/);
    expect((await post('/invitations/nope/cancel', {})).status).toBe(404);
  });

  it('deletes an invitation, within the sites the policy allows', async () => {
    const del = (id: string) =>
      request(server)
        .delete(`/api/enrollment/invitations/${id}`)
        .set('Authorization', auth());
    const created = (await post('/invitations', valid())).body;
    permissions.set(name =>
      name === 'enrollment.invitation.delete'
        ? {
            result: AuthorizeResult.CONDITIONAL,
            pluginId: 'enrollment',
            resourceType: ENROLLMENT_INVITATION_RESOURCE_TYPE,
            conditions: {
              rule: 'IS_IN_SITE',
              resourceType: ENROLLMENT_INVITATION_RESOURCE_TYPE,
              params: { siteIds: ['some-other-site'] },
            },
          }
        : { result: AuthorizeResult.ALLOW },
    );
    expect((await del(created.id)).status).toBe(404);
    permissions.set(name =>
      name === 'enrollment.invitation.delete'
        ? { result: AuthorizeResult.DENY }
        : { result: AuthorizeResult.ALLOW },
    );
    const denied = await del(created.id);
    expect(denied.status).toBe(403);
    expect(denied.body.error.message).toContain('enrollment.invitation.delete');
    expect((await get(`/invitations/${created.id}`)).status).toBe(200);

    permissions.set(() => ({ result: AuthorizeResult.ALLOW }));
    expect((await del(created.id)).status).toBe(204);
    expect((await get(`/invitations/${created.id}`)).status).toBe(404);
    expect((await del(created.id)).status).toBe(404);
    const listed = await get('/invitations?limit=100');
    expect(listed.body.items.map((i: Invitation) => i.id)).not.toContain(
      created.id,
    );
  });

  it('resends to failed recipients or to chosen ones', async () => {
    const created = (
      await post(
        '/invitations',
        valid({ recipients: ['nobody@example.com', 'd@example.com'] }),
      )
    ).body;
    const partial = await waitForStatus(created.id, 'partially-sent');
    expect(partial.recipientDetails[0]).toMatchObject({
      state: 'failed',
      lastError: expect.stringContaining('550'),
    });

    const unknown = await post(`/invitations/${created.id}/resend`, {
      recipients: ['x@example.com'],
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toBe(
      'Not recipients of this invitation: x@example.com',
    );

    const before = smtp.received.length;
    const resent = await post(`/invitations/${created.id}/resend`, {
      recipients: ['d@example.com'],
    });
    expect(resent.status).toBe(200);
    await waitForStatus(created.id, 'partially-sent');
    await smtp.waitForMessages(before + 1);
    expect(smtp.received.slice(before).map(m => m.envelope.to[0])).toEqual([
      'd@example.com',
    ]);
  });

  it('manages sites and refuses duplicates and deleting a site in use', async () => {
    const name = `Berlin ${Date.now()}`;
    const created = await post('/sites', { name });
    expect(created.status).toBe(201);
    expect((await post('/sites', { name })).status).toBe(409);
    expect((await post('/sites', { name: '  ' })).body.error.message).toMatch(
      /needs a name/,
    );
    const renamed = await request(server)
      .patch(`/api/enrollment/sites/${created.body.id}`)
      .set('Authorization', auth())
      .send({ name: `${name} Mitte` });
    expect(renamed.body.name).toBe(`${name} Mitte`);
    expect((await get('/sites')).body.items.map((s: any) => s.name)).toContain(
      `${name} Mitte`,
    );

    await post(
      '/invitations',
      valid({ siteId: created.body.id, recipients: [] }),
    );
    const inUse = await request(server)
      .delete(`/api/enrollment/sites/${created.body.id}`)
      .set('Authorization', auth());
    expect(inUse.status).toBe(409);
    expect(inUse.body.error.message).toMatch(/used by 1 invitation/);

    const empty = (await post('/sites', { name: `${name} empty` })).body;
    const deleted = await request(server)
      .delete(`/api/enrollment/sites/${empty.id}`)
      .set('Authorization', auth());
    expect(deleted.status).toBe(204);
  });

  it('sends a test message, and says so clearly when the mail server is down', async () => {
    const before = smtp.received.length;
    const ok = await post('/mail/test', { to: 'admin@example.com' });
    expect(ok.status).toBe(200);
    await smtp.waitForMessages(before + 1);
    expect(smtp.received[before].parsed.subject).toBe(
      'Test message from Acme device enrollment',
    );
    expect((await post('/mail/test', { to: 'not-an-address' })).status).toBe(
      400,
    );

    await smtp.stop();
    try {
      const down = await post('/mail/test', { to: 'admin@example.com' });
      expect(down.status).toBe(503);
      expect(down.body.error.message).toMatch(
        /mail server did not take the message.*ECONNREFUSED/,
      );
    } finally {
      await smtp.start();
    }
  });

  it('lists computers and the computers of an invitation', async () => {
    const created = (await post('/invitations', valid({ recipients: [] })))
      .body;
    const none = await get(`/invitations/${created.id}/computers`);
    expect(none.body).toEqual({ items: [] });
    expect((await get('/invitations/unknown/computers')).status).toBe(404);
    const all = await get('/computers?limit=10');
    expect(all.body).toMatchObject({
      items: [],
      totalCount: 0,
      offset: 0,
      limit: 10,
    });
  });
});
