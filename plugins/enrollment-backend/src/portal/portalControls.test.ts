import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import request from 'supertest';
import { enrollmentPlugin } from '../plugin';
import { SAFARI_14, csrfOf, hrefOf } from '../__testUtils__/portalHtml';

jest.setTimeout(60_000);

const PORTAL = '/api/enrollment/enroll';
const PASSWORD = 'local-secret-12345';

/**
 * What the admin's settings and the person's own choices control, tried as
 * someone who posts forms the pages never offered them.
 */
describe('portal controls', () => {
  let server: any;
  let knex: Knex;
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  const admin = () => mockCredentials.user.header('user:default/admin');

  beforeAll(async () => {
    knex = await databases.init('SQLITE_3');
    const backend = await startTestBackend({
      features: [
        enrollmentPlugin,
        mockServices.database.factory({ knex }),
        mockServices.permissions.factory(),
        mockServices.rootConfig.factory({
          data: {
            enrollment: {
              organization: 'Acme',
              topic: 'com.apple.mgmt.External.controls',
              allowInsecureUrls: true,
              portal: {
                localAccounts: [{ username: 'enroll', password: PASSWORD }],
              },
            },
          },
        }),
      ],
    });
    server = backend.server;
  });

  async function changeSettings(change: object) {
    const current = await request(server)
      .get('/api/enrollment/settings')
      .set('Authorization', admin());
    const res = await request(server)
      .put('/api/enrollment/settings')
      .set('Authorization', admin())
      .send({ ...current.body, ...change });
    expect(res.status).toBe(200);
  }

  /** A browser logged in with the local account, at the download step. */
  async function loggedIn() {
    const agent = request.agent(server);
    const get = (path: string) => agent.get(path).set('User-Agent', SAFARI_14);
    const post = (path: string, form: Record<string, string>) =>
      agent.post(path).set('User-Agent', SAFARI_14).type('form').send(form);
    const loginPage = await get(PORTAL);
    const csrf = csrfOf(loginPage.text);
    const login = await post(`${PORTAL}/login`, {
      csrf,
      username: 'enroll',
      password: PASSWORD,
    });
    expect(login.status).toBe(303);
    return { get, post };
  }

  it('ignores a posted site when the settings offer no site choice', async () => {
    const site = await request(server)
      .post('/api/enrollment/sites')
      .set('Authorization', admin())
      .send({ name: 'Paris' });
    expect(site.status).toBe(201);
    await changeSettings({ allowSiteChoice: false });

    const b = await loggedIn();
    const page = await b.get(PORTAL);
    expect(page.text).not.toContain('id="enroll-site"');
    const posted = await b.post(`${PORTAL}/site`, {
      csrf: csrfOf(page.text),
      siteId: site.body.id,
    });
    expect(posted.status).toBe(303);
    const downloads = await b.get(PORTAL);
    expect(hrefOf(downloads.text, 'download-profile')).toBeDefined();

    const rows = await knex('enrollment_enrollments').select('site_id');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.map(r => r.site_id)).not.toContain(site.body.id);

    // The activity says what the admin changed.
    await changeSettings({ portalEnabled: false, supportContact: 'x@y.z' });
    await changeSettings({ portalEnabled: true, supportContact: '' });
    const changed = await knex('enrollment_events')
      .where({ type: 'admin.settings-update' })
      .orderBy('id', 'desc')
      .first();
    expect(changed.message).toBe(
      'Changed the enrollment settings: portalEnabled off → on, supportContact',
    );
  });

  it('logs out: the session and its download links end', async () => {
    const b = await loggedIn();
    const page = await b.get(PORTAL);
    const profile = hrefOf(page.text, 'download-profile')!;
    expect(page.text).toContain('id="enroll-logout"');

    const out = await b.post(`${PORTAL}/logout`, { csrf: csrfOf(page.text) });
    expect(out.status).toBe(303);
    expect(String(out.headers['set-cookie'])).toMatch(/enroll_sid=;/);

    expect((await b.get(PORTAL)).text).toContain('id="enroll-login"');
    const link = await b.get(profile);
    expect(link.status).toBe(403);
    expect(link.text).toContain('id="enroll-error"');
  });

  it('closing the portal stops sessions and download links already open', async () => {
    await changeSettings({ portalEnabled: true });
    const b = await loggedIn();
    const page = await b.get(PORTAL);
    const profile = hrefOf(page.text, 'download-profile')!;
    expect((await b.get(profile)).status).toBe(200);

    await changeSettings({ portalEnabled: false });
    try {
      const link = await b.get(profile);
      expect(link.status).toBe(503);
      expect(link.text).toContain('Enrollment is closed');
      const posted = await b.post(`${PORTAL}/eula`, {
        csrf: csrfOf(page.text),
        accept: 'yes',
      });
      expect(posted.status).toBe(503);
      expect(posted.text).toContain('Enrollment is closed');
    } finally {
      await changeSettings({ portalEnabled: true });
    }
  });
});
