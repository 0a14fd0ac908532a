import {
  mockCredentials,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { RunningSlapd, startSlapd } from '@internal/test-harness';
import { createHash } from 'node:crypto';
import { Knex } from 'knex';
import request from 'supertest';
import { DatabaseInvitationStore } from '../database/DatabaseInvitationStore';
import { startPortalBackend } from '../__testUtils__/portalBackend';
import { SAFARI_14, csrfOf, hrefOf } from '../__testUtils__/portalHtml';

jest.setTimeout(120_000);

const SAFARI_1012 =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_12_6) AppleWebKit/603.3.8 (KHTML, like Gecko) Version/10.1.2 Safari/603.3.8';
const WINDOWS =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36';
const PORTAL = '/api/enrollment/enroll';

describe('the enrollment portal', () => {
  let slapd: RunningSlapd;
  let server: any;
  let knex: Knex;
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  const admin = () => mockCredentials.user.header('user:default/admin');
  // Backstage's audit stream, to see what the portal reports there.
  const audited: string[] = [];
  const auditor = mockServices.auditor.mock({
    createEvent: async ({ eventId }) => {
      const outcome = (result: string) => async () =>
        void audited.push(`${eventId}: ${result}`);
      return { success: outcome('success'), fail: outcome('fail') };
    },
  });

  beforeAll(async () => {
    slapd = await startSlapd();
    knex = await databases.init('SQLITE_3');
    server = await startPortalBackend({
      slapd,
      knex,
      auditor: auditor.factory,
    });
    // By default the CA travels in the profile and there is no certificate
    // step; these tests walk that step too, so they turn it on.
    const settings = await request(server)
      .get('/api/enrollment/settings')
      .set('Authorization', admin());
    if (settings.body.skipCertificateInstallation !== true) {
      throw new Error('The default settings should skip the certificate step');
    }
    await request(server)
      .put('/api/enrollment/settings')
      .set('Authorization', admin())
      .send({ ...settings.body, skipCertificateInstallation: false })
      .expect(200);
  });
  afterAll(() => slapd?.stop());

  /** A browser: keeps cookies, sends a User-Agent. */
  function browser(ua = SAFARI_14) {
    const agent = request.agent(server);
    return {
      get: (path: string) => agent.get(path).set('User-Agent', ua),
      post: (path: string, form: Record<string, string>) =>
        agent.post(path).set('User-Agent', ua).type('form').send(form),
    };
  }

  async function login(
    b: ReturnType<typeof browser>,
    username: string,
    password: string,
  ) {
    const page = await b.get(PORTAL);
    expect(page.text).toContain('id="enroll-login"');
    return b.post(`${PORTAL}/login`, {
      csrf: csrfOf(page.text),
      username,
      password,
    });
  }

  async function createInvitation(body: object) {
    const res = await request(server)
      .post('/api/enrollment/invitations')
      .set('Authorization', admin())
      .send({
        recipients: [],
        expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
        requireLogin: true,
        multipleUses: false,
        ...body,
      });
    expect(res.status).toBe(201);
    return res.body as { id: string; url: string };
  }

  const portalUrlOf = (url: string) => {
    const u = new URL(url);
    return `/api/enrollment${u.pathname}${u.search}`;
  };

  it('logs a directory user in, keeps their fields, and offers the CA and the profile', async () => {
    const b = browser();
    const res = await login(b, 'alice', slapd.people.alice.password);
    expect(res.status).toBe(303);
    const page = await b.get(PORTAL);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Alice Archer');
    const ca = hrefOf(page.text, 'download-ca')!;
    expect(ca).toMatch(
      /^\/api\/enrollment\/enroll\/ca\.cer\?token=[A-Za-z0-9_-]{32}$/,
    );
    expect(hrefOf(page.text, 'download-profile')).toMatch(
      /profile\.mobileconfig\?token=/,
    );
    expect(page.text).not.toContain('download-quickadd');

    const cert = await b
      .get(ca)
      .buffer(true)
      .parse((stream, done) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(cert.status).toBe(200);
    expect(cert.headers['content-type']).toBe('application/x-x509-ca-cert');
    expect(cert.headers['content-disposition']).toBe(
      'attachment; filename="Acme CA.cer"',
    );
    // The same certificate the admin API describes.
    const summary = await request(server)
      .get('/api/enrollment/ca')
      .set('Authorization', admin());
    const fingerprint = createHash('sha256')
      .update(cert.body)
      .digest('hex')
      .toUpperCase();
    expect(summary.body.sha256Fingerprint.replace(/:/g, '')).toBe(fingerprint);

    const [enrollment] = await knex('enrollment_enrollments').where({
      login_name: 'alice',
    });
    expect(JSON.parse(enrollment.user)).toEqual({
      username: 'alice',
      realName: 'Alice Archer',
      email: 'alice@example.com',
      department: 'Engineering',
      building: 'HQ',
      room: '101',
      phone: '+1 555 0101',
      position: 'Engineer',
    });
  });

  it('gives one generic message for a wrong password and an unknown user', async () => {
    const wrong = await login(browser(), 'alice', 'wrong-password');
    const unknown = await login(browser(), 'nobody-here', 'whatever-pass');
    for (const res of [wrong, unknown]) {
      expect(res.status).toBe(401);
      expect(res.text).toContain('id="enroll-error"');
      expect(res.text).toContain('The username or password is incorrect.');
    }
    expect(wrong.text).not.toContain('wrong-password');
    const events = await knex('enrollment_events').where({
      type: 'portal.login-failed',
    });
    expect(events.map(e => e.actor)).toEqual(
      expect.arrayContaining(['alice', 'nobody-here']),
    );
    expect(JSON.stringify(events)).not.toContain('wrong-password');
  });

  it('logs nobody in with an LDAP injection in the username', async () => {
    for (const username of ['*)(uid=*', '*', 'alice)(|(uid=*']) {
      const res = await login(browser(), username, slapd.people.alice.password);
      expect(res.status).toBe(401);
    }
  });

  it('throttles repeated failures for a user', async () => {
    const b = browser();
    let last: request.Response | undefined;
    for (let i = 0; i < 6; i++) last = await login(b, 'bob', `wrong-${i}`);
    expect(last!.status).toBe(429);
    expect(last!.text).toMatch(/Too many failed attempts. Wait \d+ minute/);
    // Even the right password waits now.
    expect(
      (await login(browser(), 'bob', slapd.people.bob.password)).status,
    ).toBe(429);
  });

  it('asks a local account which directory person the Mac is for', async () => {
    const b = browser();
    expect((await login(b, 'enroll', 'local-secret-1')).status).toBe(303);
    const ask = await b.get(PORTAL);
    expect(ask.text).toContain('Who is this Mac for?');
    const found = await b.get(`${PORTAL}?q=Smith`);
    expect(found.text).toContain('value="jsmith"');
    const chosen = await b.post(`${PORTAL}/assign`, {
      csrf: csrfOf(found.text),
      username: 'jsmith',
    });
    expect(chosen.status).toBe(303);
    const page = await b.get(PORTAL);
    expect(hrefOf(page.text, 'download-profile')).toBeDefined();
    const [enrollment] = await knex('enrollment_enrollments').where({
      login_name: 'enroll',
    });
    expect(enrollment.login_kind).toBe('local');
    expect(JSON.parse(enrollment.user)).toMatchObject({
      username: 'jsmith',
      realName: 'Smith, John "JJ" + Co',
      department: 'Sales',
    });
  });

  it("refuses a form without the session's CSRF token", async () => {
    const b = browser();
    await b.get(PORTAL);
    const res = await b.post(`${PORTAL}/login`, {
      csrf: 'forged',
      username: 'alice',
      password: 'x',
    });
    expect(res.status).toBe(403);
    expect(res.text).toContain('id="enroll-error"');
  });

  it('offers macOS 10.12 the QuickAdd package', async () => {
    const b = browser(SAFARI_1012);
    await login(b, 'alice', slapd.people.alice.password);
    const page = await b.get(PORTAL);
    expect(hrefOf(page.text, 'download-quickadd')).toMatch(
      /quickadd\.pkg\?token=/,
    );
    expect(page.text).not.toContain('download-profile');
  });

  it('tells a Windows visitor the portal is for Macs', async () => {
    const res = await browser(WINDOWS).get(PORTAL);
    expect(res.status).toBe(200);
    expect(res.text).toContain('id="enroll-error"');
    expect(res.text).toContain('a Windows PC');
    expect(res.text).not.toContain('enroll-login');
  });

  it('goes straight to the downloads with a no-login invitation', async () => {
    const invitation = await createInvitation({ requireLogin: false });
    const b = browser();
    const start = await b.get(portalUrlOf(invitation.url));
    expect(start.status).toBe(303);
    expect(start.headers.location).toBe(PORTAL);
    const page = await b.get(PORTAL);
    expect(hrefOf(page.text, 'download-profile')).toBeDefined();
  });

  it('starts the first download by itself and tells the page when the Mac is enrolled', async () => {
    const invitation = await createInvitation({ requireLogin: false });
    const b = browser();
    await b.get(portalUrlOf(invitation.url));
    const first = await b.get(PORTAL);
    // The first link of the step starts by itself, once.
    expect(first.text).toMatch(/id="download-ca" href="[^"]+" data-autostart>/);
    expect(first.text).toContain('id="enroll-autostart"');
    expect(first.text).toContain(`<script src="${PORTAL}/portal.js" defer>`);
    const again = await b.get(PORTAL);
    expect(again.text).not.toContain('data-autostart');
    expect(again.text).not.toContain('id="enroll-autostart"');
    expect(again.text).toContain(`data-status-url="${PORTAL}/status"`);

    const status = await b.get(`${PORTAL}/status`);
    expect(status.status).toBe(200);
    expect(status.headers['cache-control']).toBe('no-store');
    expect(status.body).toEqual({ enrolled: false });

    // The Mac checks in (its enrollment completes): this browser learns it,
    // another learns nothing, and the page is the enrolled page.
    await knex('enrollment_enrollments')
      .where({ invitation_id: invitation.id })
      .update({ completed_at: new Date() });
    expect((await b.get(`${PORTAL}/status`)).body).toEqual({ enrolled: true });
    expect((await browser().get(`${PORTAL}/status`)).body).toEqual({
      enrolled: false,
    });
    expect((await b.get(PORTAL)).text).toContain('id="enroll-done"');

    const script = await browser().get(`${PORTAL}/portal.js`);
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toMatch(/^text\/javascript/);
    expect(script.text).toContain('data-autostart');
  });

  it('says who is logged in, tells a Chrome visitor the extra step, and has an icon', async () => {
    const chrome = browser(
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36',
    );
    await login(chrome, 'alice', slapd.people.alice.password);
    const page = await chrome.get(PORTAL);
    expect(page.text).toContain('Logged in as <strong>alice</strong> · ');
    expect(page.text).toContain('id="enroll-browser-note"');
    expect(page.text).toContain('You are using Chrome.');
    expect(page.text).toContain('<link rel="icon" href="data:image/svg+xml,');

    const safari = browser();
    await login(safari, 'alice', slapd.people.alice.password);
    expect((await safari.get(PORTAL)).text).not.toContain(
      'id="enroll-browser-note"',
    );
  });

  it('explains an expired, a cancelled, a used, a deleted and an unknown invitation', async () => {
    const expired = await createInvitation({});
    await knex('enrollment_invitations')
      .where({ id: expired.id })
      .update({ expires_at: new Date(Date.now() - 1000) });
    const res = await browser().get(portalUrlOf(expired.url));
    expect(res.status).toBe(410);
    expect(res.text).toMatch(
      /This invitation expired on .*Ask IT for a new one/,
    );

    const cancelled = await createInvitation({});
    await request(server)
      .post(`/api/enrollment/invitations/${cancelled.id}/cancel`)
      .set('Authorization', admin())
      .send({});
    expect((await browser().get(portalUrlOf(cancelled.url))).text).toContain(
      'was cancelled',
    );

    // A single-use link someone is enrolling with is in use, not used…
    const held = await createInvitation({ requireLogin: false });
    const first = browser();
    await first.get(portalUrlOf(held.url));
    await first.get(PORTAL);
    const second = browser();
    await second.get(portalUrlOf(held.url));
    const inUse = await second.get(PORTAL);
    expect(inUse.status).toBe(409);
    expect(inUse.text).toContain('Someone is enrolling a Mac with this link');
    // …and used once a Mac checked in with it (as its TokenUpdate records).
    const enrollment = await knex('enrollment_enrollments')
      .where({ invitation_id: held.id })
      .first();
    await new DatabaseInvitationStore(knex).recordUse(
      { invitationId: held.id, enrollmentId: enrollment.id },
      new Date(),
    );
    const used = await browser().get(portalUrlOf(held.url));
    expect(used.status).toBe(410);
    expect(used.text).toContain('already been used');
    // Each refusal is in the invitation's activity, with its reason.
    const refusals = await knex('enrollment_events')
      .where({ invitation_id: held.id, type: 'portal.invitation-refused' })
      .orderBy('id');
    expect(refusals.map(e => e.message)).toEqual([
      'The portal refused the invitation: another person is enrolling a Mac with this link',
      'The portal refused the invitation: a Mac already enrolled with this link',
    ]);

    // Deleted while its person was on the portal: the page says it is gone.
    const deleted = await createInvitation({ requireLogin: false });
    const midway = browser();
    await midway.get(portalUrlOf(deleted.url));
    expect(
      (
        await request(server)
          .delete(`/api/enrollment/invitations/${deleted.id}`)
          .set('Authorization', admin())
      ).status,
    ).toBe(204);
    const gone = await midway.get(PORTAL);
    expect(gone.status).toBe(410);
    expect(gone.text).toContain('This invitation no longer exists');
    expect((await browser().get(portalUrlOf(deleted.url))).status).toBe(404);

    const unknown = await browser().get(
      `${PORTAL}?invitation=${'A'.repeat(43)}`,
    );
    expect(unknown.status).toBe(404);
    expect(unknown.text).toContain('id="enroll-error"');
    expect((await browser().get(`${PORTAL}?invitation=<script>`)).status).toBe(
      404,
    );
  });

  it('lets one of 50 racing visitors hold a single-use invitation, and counts no use before a Mac checks in', async () => {
    const invitation = await createInvitation({ requireLogin: false });
    const visitors = Array.from({ length: 50 }, () => browser());
    await Promise.all(visitors.map(v => v.get(portalUrlOf(invitation.url))));
    const pages = await Promise.all(visitors.map(v => v.get(PORTAL)));
    const statuses = pages.map(p => p.status);
    expect(statuses.filter(s => s === 200)).toHaveLength(1);
    expect(statuses.filter(s => s === 409)).toHaveLength(49);
    // The one who got it can come back to the page; it is theirs.
    const winner = visitors[statuses.indexOf(200)];
    const again = await winner.get(PORTAL);
    expect(again.status).toBe(200);
    expect(again.text).toContain('id="download-profile"');
    const after = await request(server)
      .get(`/api/enrollment/invitations/${invitation.id}`)
      .set('Authorization', admin());
    expect(after.body).toMatchObject({ timesUsed: 0, status: 'active' });
  });

  it('opens a download only with its own token and the same browser', async () => {
    const b = browser();
    await login(b, 'alice', slapd.people.alice.password);
    const page = await b.get(PORTAL);
    const ca = hrefOf(page.text, 'download-ca')!;
    const profile = hrefOf(page.text, 'download-profile')!;
    expect((await browser().get(ca)).status).toBe(403); // another browser
    const token = new URL(ca, 'http://x').searchParams.get('token');
    expect(
      (await b.get(`${PORTAL}/profile.mobileconfig?token=${token}`)).status,
    ).toBe(403);
    const expired = await b.get(`${PORTAL}/ca.cer?token=nope`);
    expect(expired.status).toBe(403);
    // The way back to a fresh link is a button.
    expect(expired.text).toContain(
      `<a class="button" id="enroll-back" href="${PORTAL}">Back to the enrollment page</a>`,
    );
    // Without enrollment.topic there is no profile to give: a page says so.
    const notYet = await b.get(profile);
    expect(notYet.status).toBe(503);
    expect(notYet.text).toContain('id="enroll-error"');
    expect(notYet.text).toContain('This server has no MDM push certificate');
  });

  it('speaks the language of Accept-Language it has texts for, in English where a text is left out', async () => {
    const put = (settings: object) =>
      request(server)
        .put('/api/enrollment/settings')
        .set('Authorization', admin())
        .send(settings);
    const current = (
      await request(server)
        .get('/api/enrollment/settings')
        .set('Authorization', admin())
    ).body;
    // Unknown texts and malformed language tags are refused, naming them.
    const unknownText = await put({
      ...current,
      translations: { fr: { 'login.nope': 'x' } },
    });
    expect(unknownText.status).toBe(400);
    expect(unknownText.body.error.message).toContain('translations.fr');
    expect(
      (await put({ ...current, translations: { 'fr_FR!': {} } })).status,
    ).toBe(400);

    try {
      expect(
        (
          await put({
            ...current,
            translations: {
              fr: {
                'login.heading': 'Enrôlez votre Mac',
                'login.submit': 'Se connecter',
                'problem.invitationNotFound.title': 'Ce lien ne fonctionne pas',
              },
            },
          })
        ).status,
      ).toBe(200);
      const french = (path: string) =>
        request(server)
          .get(path)
          .set('User-Agent', SAFARI_14)
          .set('Accept-Language', 'fr-CH, fr;q=0.9, en;q=0.5');
      const frenchLogin = await french(PORTAL);
      expect(frenchLogin.text).toContain('<html lang="fr">');
      expect(frenchLogin.text).toContain('<h1>Enrôlez votre Mac</h1>');
      expect(frenchLogin.text).toContain(
        '<button type="submit">Se connecter</button>',
      );
      // Not translated: English.
      expect(frenchLogin.text).toContain(
        '<label for="password">Password</label>',
      );
      const problem = await french(`${PORTAL}?invitation=${'B'.repeat(43)}`);
      expect(problem.status).toBe(404);
      expect(problem.text).toContain('<h1>Ce lien ne fonctionne pas</h1>');
      // Another language, or none: English.
      const german = await browser().get(PORTAL).set('Accept-Language', 'de');
      expect(german.text).toContain('<html lang="en">');
      expect(german.text).toContain('<h1>Enroll your Mac</h1>');
    } finally {
      await put(current);
    }
  });

  it('follows the settings: closed portal, skipped certificate, EULA and site choice', async () => {
    const put = (settings: object) =>
      request(server)
        .put('/api/enrollment/settings')
        .set('Authorization', admin())
        .send(settings);
    const current = (
      await request(server)
        .get('/api/enrollment/settings')
        .set('Authorization', admin())
    ).body;
    expect((await put({ ...current, bogus: 1 })).status).toBe(400);
    expect(
      (await put({ ...current, eula: { enabled: true, text: ' ' } })).body.error
        .message,
    ).toMatch(/needs its text/);

    try {
      await put({ ...current, portalEnabled: false });
      const closed = await browser().get(PORTAL);
      expect(closed.status).toBe(503);
      expect(closed.text).toContain('Enrollment is closed');

      const site = (
        await request(server)
          .post('/api/enrollment/sites')
          .set('Authorization', admin())
          .send({ name: 'Portal Site' })
      ).body;
      await put({
        ...current,
        skipCertificateInstallation: true,
        supportContact: 'help@acme.example <b>',
        eula: { enabled: true, text: 'Terms <script>alert(1)</script>' },
        allowSiteChoice: true,
      });
      const b = browser();
      await login(b, 'alice', slapd.people.alice.password);
      const eula = await b.get(PORTAL);
      expect(eula.text).toContain('Terms &lt;script&gt;');
      expect(eula.text).toContain('help@acme.example &lt;b&gt;');
      await b.post(`${PORTAL}/eula`, {
        csrf: csrfOf(eula.text),
        accept: 'yes',
      });
      const sitePage = await b.get(PORTAL);
      expect(sitePage.text).toContain('Portal Site');
      // Nothing is chosen for the person: the picker starts on "Choose…".
      expect(sitePage.text).toContain(
        '<select id="siteId" name="siteId" required><option value="" disabled selected>Choose…</option>',
      );
      await b.post(`${PORTAL}/site`, {
        csrf: csrfOf(sitePage.text),
        siteId: site.id,
      });
      const downloads = await b.get(PORTAL);
      expect(downloads.text).not.toContain('download-ca');
      expect(hrefOf(downloads.text, 'download-profile')).toBeDefined();
      const [enrollment] = await knex('enrollment_enrollments')
        .where({ login_name: 'alice' })
        .orderBy('created_at', 'desc');
      expect(enrollment.site_id).toBe(site.id);
    } finally {
      await put(current);
    }
  });

  it('lets admins add, disable and reset local accounts, but not config ones', async () => {
    const api = (method: 'post' | 'patch' | 'get', path: string) =>
      request(server)
        [method](`/api/enrollment${path}`)
        .set('Authorization', admin());
    expect(
      (
        await api('post', '/portal-accounts').send({
          username: 'kiosk',
          password: 'short',
        })
      ).status,
    ).toBe(400);
    const created = await api('post', '/portal-accounts').send({
      username: 'kiosk',
      password: 'kiosk-password-1',
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual(
      expect.objectContaining({
        username: 'kiosk',
        source: 'admin',
        disabled: false,
      }),
    );
    expect(
      JSON.stringify((await api('get', '/portal-accounts')).body),
    ).not.toMatch(/scrypt|password/);
    expect((await login(browser(), 'kiosk', 'kiosk-password-1')).status).toBe(
      303,
    );

    await api('patch', '/portal-accounts/kiosk').send({ disabled: true });
    expect((await login(browser(), 'kiosk', 'kiosk-password-1')).status).toBe(
      401,
    );
    await api('patch', '/portal-accounts/kiosk').send({
      disabled: false,
      password: 'new-kiosk-pass-2',
    });
    expect((await login(browser(), 'kiosk', 'kiosk-password-1')).status).toBe(
      401,
    );
    expect((await login(browser(), 'kiosk', 'new-kiosk-pass-2')).status).toBe(
      303,
    );
    const adminChanges = await api(
      'get',
      '/events?category=admin&search=kiosk',
    );
    expect(adminChanges.body.items.map((e: any) => e.message)).toEqual([
      'Enabled and reset the password of the portal account "kiosk"',
      'Disabled the portal account "kiosk"',
      'Added the portal account "kiosk"',
    ]);
    expect(JSON.stringify(adminChanges.body)).not.toContain('new-kiosk-pass');

    const configAccount = await api('patch', '/portal-accounts/enroll').send({
      disabled: true,
    });
    expect(configAccount.status).toBe(409);
    expect(configAccount.body.error.message).toContain('comes from app-config');
  });
  it('keeps an activity log admins can page and filter, without passwords', async () => {
    const events = (query: string) =>
      request(server)
        .get(`/api/enrollment/events${query}`)
        .set('Authorization', admin());
    const invitation = await createInvitation({ multipleUses: true });
    await login(browser(), 'bob', 'a-wrong-password-9');
    await request(server)
      .post('/api/enrollment/sites')
      .set('Authorization', admin())
      .send({ name: 'Activity HQ' });

    const latest = await events('?limit=3');
    expect(latest.status).toBe(200);
    expect(latest.body).toMatchObject({ offset: 0, limit: 3 });
    expect(latest.body.totalCount).toBeGreaterThanOrEqual(3);
    expect(latest.body.items.map((e: any) => e.type)).toEqual([
      'admin.site-create',
      'portal.login-failed',
      'invitation.created',
    ]);
    expect(latest.body.items[0]).toMatchObject({
      actor: 'user:default/admin',
      message: 'Created the site "Activity HQ"',
      data: { name: 'Activity HQ' },
    });
    // What happened on the portal is in Backstage's audit stream too.
    expect(audited).toContain('portal-login-failed: fail');
    expect(audited).toContain('site-create: success');
    // Admin changes are audited once, by the admin API, not again as events.
    expect(audited).toContain('invitation-create: success');
    expect(
      audited.filter(e =>
        /^(admin-|invitation-(created|cancelled|resent|deleted):)/.test(e),
      ),
    ).toEqual([]);
    const all = JSON.stringify((await events('?limit=100')).body);
    expect(all).not.toContain('a-wrong-password-9');
    expect(all).not.toContain('local-secret-1');

    const portalOnly = await events('?category=portal&limit=100');
    expect(portalOnly.body.items.length).toBeGreaterThan(0);
    for (const e of portalOnly.body.items) expect(e.type).toMatch(/^portal\./);
    const failedBob = await events('?category=portal&search=bob');
    expect(failedBob.body.items[0]).toMatchObject({
      type: 'portal.login-failed',
    });
    const ofInvitation = await events(`?invitationId=${invitation.id}`);
    expect(ofInvitation.body.items).toEqual([
      expect.objectContaining({
        type: 'invitation.created',
        invitationId: invitation.id,
      }),
    ]);
    const second = await events('?limit=1&offset=1');
    expect(second.body.items[0].id).toBe(latest.body.items[1].id);

    const bad = await events('?category=everything&limit=1000');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/category/);
    expect(bad.body.error.message).toMatch(/limit/);
  });
});
