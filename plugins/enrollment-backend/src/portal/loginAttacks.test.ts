import {
  mockServices,
  mockCredentials,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { RunningSlapd, startSlapd } from '@internal/test-harness';
import { Knex } from 'knex';
import { Client } from 'ldapts';
import request from 'supertest';
import { startPortalBackend } from '../__testUtils__/portalBackend';
import { SAFARI_14 as SAFARI, csrfOf } from '../__testUtils__/portalHtml';

jest.setTimeout(120_000);

const PORTAL = '/api/enrollment/enroll';
const sessionIdOf = (res: request.Response) =>
  /enroll_sid=([^;]+)/.exec(
    ([] as string[]).concat(res.headers['set-cookie'] ?? []).join('\n'),
  )?.[1];

/** Attacks on the public login that once worked, played over HTTP. */
describe('portal login attacks', () => {
  let slapd: RunningSlapd;
  let server: any;
  let knex: Knex;
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  const audited: Array<Record<string, unknown>> = [];
  const auditor = mockServices.auditor.mock({
    createEvent: async ({ meta }) => {
      audited.push(meta ?? {});
      return { success: async () => {}, fail: async () => {} };
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
  });
  afterAll(() => slapd?.stop());
  afterEach(() => jest.restoreAllMocks());

  /** The login page and its session cookie, for a browser with `cookie`. */
  async function loginPageFor(cookie?: string) {
    const page = await request(server)
      .get(PORTAL)
      .set('User-Agent', SAFARI)
      .set('Cookie', cookie ? `enroll_sid=${cookie}` : '');
    return { id: sessionIdOf(page) ?? cookie!, csrf: csrfOf(page.text), page };
  }

  function postLogin(
    id: string,
    csrf: string,
    username: string,
    password: string,
  ) {
    return request(server)
      .post(`${PORTAL}/login`)
      .set('User-Agent', SAFARI)
      .set('Cookie', `enroll_sid=${id}`)
      .type('form')
      .send({ csrf, username, password });
  }

  it('checks no more than 5 passwords in a burst of 50, and the right one last does not log in', async () => {
    const sessions = await Promise.all(
      Array.from({ length: 50 }, () => loginPageFor()),
    );
    const bind = jest.spyOn(Client.prototype, 'bind');
    const responses = await Promise.all(
      sessions.map(({ id, csrf }, i) =>
        postLogin(
          id,
          csrf,
          'carol',
          i === 49 ? slapd.people.carol.password : `wrong-password-${i % 19}`,
        ),
      ),
    );
    const carolBinds = bind.mock.calls.filter(
      ([dn]) => dn === slapd.people.carol.dn,
    ).length;
    const statuses = responses.map(r => r.status);
    expect(carolBinds).toBeLessThanOrEqual(5);
    expect(statuses[49]).not.toBe(303);
    expect(statuses.filter(s => s === 303)).toEqual([]);
    expect(statuses.filter(s => s === 429).length).toBeGreaterThanOrEqual(45);
  });

  it('answers a right password outside the allowed groups exactly like a wrong one', async () => {
    const admin = mockCredentials.user.header('user:default/admin');
    const current = (
      await request(server)
        .get('/api/enrollment/settings')
        .set('Authorization', admin)
    ).body;
    const put = (settings: object) =>
      request(server)
        .put('/api/enrollment/settings')
        .set('Authorization', admin)
        .send(settings);
    await put({ ...current, restrictToLdapGroups: ['mac-users'] });
    try {
      const answer = async (password: string) => {
        const { id, csrf } = await loginPageFor();
        const res = await postLogin(id, csrf, 'bob', password);
        return {
          status: res.status,
          page: res.text.replace(/name="csrf" value="[^"]+"/, ''),
        };
      };
      const rightOutsideGroups = await answer(slapd.people.bob.password);
      const wrong = await answer('not-bobs-password');
      expect(rightOutsideGroups.status).toBe(401);
      expect(rightOutsideGroups).toEqual(wrong);
      expect(rightOutsideGroups.page).toContain(
        'The username or password is incorrect.',
      );
      // The real reason is for admins, in the activity log.
      const failed = await knex('enrollment_events')
        .where({ type: 'portal.login-failed', actor: 'bob' })
        .orderBy('created_at');
      expect(failed.map(e => e.message)).toEqual([
        expect.stringMatching(/refused \(not-in-group\)/),
        expect.stringMatching(/refused \(bad-credentials\)/),
      ]);
    } finally {
      await put(current);
    }
  });

  it('gives a new session id at login, and the planted one logs nobody in', async () => {
    // The attacker gets a session and plants its cookie in the victim's browser.
    const planted = await loginPageFor();
    const victim = await loginPageFor(planted.id);
    expect(victim.id).toBe(planted.id);
    const loggedIn = await postLogin(
      planted.id,
      victim.csrf,
      'alice',
      slapd.people.alice.password,
    );
    expect(loggedIn.status).toBe(303);
    const rotated = sessionIdOf(loggedIn);
    expect(rotated).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(rotated).not.toBe(planted.id);

    // The victim's browser, with the new cookie, is logged in.
    const victimPage = await request(server)
      .get(PORTAL)
      .set('User-Agent', SAFARI)
      .set('Cookie', `enroll_sid=${rotated}`);
    expect(victimPage.text).toContain('Alice Archer');
    expect(victimPage.text).toContain('id="download-profile"');

    // The attacker's planted id is worth nothing: a POST gets "session
    // expired", a GET a fresh login page.
    const attackerPost = await request(server)
      .post(`${PORTAL}/eula`)
      .set('User-Agent', SAFARI)
      .set('Cookie', `enroll_sid=${planted.id}`)
      .type('form')
      .send({ csrf: planted.csrf, accept: 'yes' });
    expect(attackerPost.status).toBe(403);
    expect(attackerPost.text).toContain('Your session expired');
    const attackerPage = await request(server)
      .get(PORTAL)
      .set('User-Agent', SAFARI)
      .set('Cookie', `enroll_sid=${planted.id}`);
    expect(attackerPage.text).toContain('id="enroll-login"');
    expect(attackerPage.text).not.toContain('Alice Archer');
    expect(attackerPage.text).not.toContain('download-');
    expect(sessionIdOf(attackerPage)).not.toBe(planted.id);
  });

  it('keeps control characters of a username out of events and the audit stream', async () => {
    const forged = [
      'bob\n2026-12-03 INFO fake line',
      'bob\r\n2026-12-03 INFO fake line',
      'bob\u20282026-12-03 INFO fake line',
      'bob\u001b[2Kfake\u202eenil',
    ];
    audited.length = 0;
    for (const username of forged) {
      const { id, csrf } = await loginPageFor();
      expect((await postLogin(id, csrf, username, 'whatever-pw')).status).toBe(
        401,
      );
    }
    const events = await knex('enrollment_events')
      .where({ type: 'portal.login-failed' })
      .where('actor', 'like', 'bob%');
    const written = [
      ...events.flatMap(e => [e.actor, e.message]),
      ...audited.flatMap(meta => [meta.actor, meta.message]),
    ].filter((text): text is string => typeof text === 'string');
    expect(written.length).toBeGreaterThanOrEqual(forged.length * 2);
    for (const text of written) {
      expect(text).not.toMatch(/[\p{Cc}\p{Cf}\u2028\u2029]/u);
    }
    expect(written).toContain('bob\\u{000a}2026-12-03 INFO fake line');
  });
});
