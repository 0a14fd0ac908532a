import {
  coreServices,
  createServiceFactory,
  LoggerService,
} from '@backstage/backend-plugin-api';
import {
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { RunningSlapd, startSlapd } from '@internal/test-harness';
import { Knex } from 'knex';
import { Client } from 'ldapts';
import { inspect } from 'node:util';
import request from 'supertest';
import { enrollmentPlugin } from '../plugin';
import { SAFARI_14 as SAFARI, csrfOf } from '../__testUtils__/portalHtml';

const PORTAL = '/api/enrollment/enroll';
/** enrollment.ldap.timeoutMs: short, so that the faults cost little time. */
const TIMEOUT_MS = 1500;
/** How much later than the timeout a faulted login may answer. */
const MARGIN_MS = 2000;
/** What the portal's users may try before their name is locked (SECURITY.md). */
const USER_LOCKOUT = 5;
const LOCAL = { username: 'fault-local', password: 'local-fault-secret-1' };

jest.setTimeout(30_000);

/**
 * The directory failing under a running portal, with a real slapd: frozen
 * (the kernel still accepts connections but nothing answers, as a directory
 * answering after 30 s looks to a client) and down (connections refused).
 * Each fault is played through the portal's HTTP forms; after each the
 * directory comes back and logins work without restarting the backend.
 */
describe('the portal when the directory fails', () => {
  let slapd: RunningSlapd;
  let server: any;
  let knex: Knex;
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  /** Every line the plugin logs, with its metadata. */
  const logged: string[] = [];

  const recordingLogger = (): LoggerService => {
    const record =
      (level: string) => (message: string, meta?: Error | object) =>
        void logged.push(`${level} ${message} ${meta ? inspect(meta) : ''}`);
    return {
      error: record('error'),
      warn: record('warn'),
      info: record('info'),
      debug: record('debug'),
      child: () => recordingLogger(),
    };
  };

  beforeAll(async () => {
    slapd = await startSlapd();
    knex = await databases.init('SQLITE_3');
    const backend = await startTestBackend({
      features: [
        enrollmentPlugin,
        createServiceFactory({
          service: coreServices.logger,
          deps: {},
          factory: () => recordingLogger(),
        }),
        mockServices.database.factory({ knex }),
        mockServices.permissions.factory(),
        mockServices.rootConfig.factory({
          data: {
            enrollment: {
              organization: 'Acme',
              portal: { localAccounts: [LOCAL] },
              ldap: {
                url: slapd.url,
                bindDn: slapd.bindDn,
                bindPassword: slapd.bindPassword,
                timeoutMs: TIMEOUT_MS,
                users: { baseDn: slapd.baseDn, filter: '(uid={username})' },
                groups: { baseDn: `ou=groups,${slapd.baseDn}` },
              },
            },
          },
        }),
      ],
    });
    server = backend.server;
  }, 60_000);
  afterAll(async () => {
    // Thaws a frozen slapd before stopping it.
    await slapd?.stop();
  });
  afterEach(() => jest.restoreAllMocks());

  const freeze = () => process.kill(slapd.pid!, 'SIGSTOP');
  const thaw = () => process.kill(slapd.pid!, 'SIGCONT');

  /** A browser: keeps cookies, sends a User-Agent. */
  function browser() {
    const agent = request.agent(server);
    return {
      get: (path: string) => agent.get(path).set('User-Agent', SAFARI),
      post: (path: string, form: Record<string, string>) =>
        agent.post(path).set('User-Agent', SAFARI).type('form').send(form),
    };
  }

  /**
   * A new browser posts the login form once per password, as a person
   * trying again from the page would; the answers and how long each took.
   */
  async function logIn(username: string, ...passwords: string[]) {
    const b = browser();
    const page = await b.get(PORTAL);
    expect(page.text).toContain('id="enroll-login"');
    const csrf = csrfOf(page.text);
    const answers: Array<{ res: request.Response; ms: number }> = [];
    for (const password of passwords) {
      const started = Date.now();
      const res = await b.post(`${PORTAL}/login`, {
        csrf,
        username,
        password,
      });
      answers.push({ res, ms: Date.now() - started });
    }
    return { ...answers[0], answers, browser: b };
  }

  /** Logs in and checks the portal then shows the person's next step. */
  async function expectLoggedIn(username: string, password: string) {
    const { res, ms, browser: b } = await logIn(username, password);
    expect(res.status).toBe(303);
    const next = await b.get(PORTAL);
    expect(next.status).toBe(200);
    expect(next.text).not.toContain('id="enroll-login"');
    expect(next.text).not.toContain('id="enroll-error"');
    return { next, ms, browser: b };
  }

  /**
   * The login tries that count toward a lockout now, per user, directory
   * entry and address (successful logins give theirs back).
   */
  const countedTries = async () =>
    (
      await knex('enrollment_login_attempts')
        .where('attempts', '>', 0)
        .select('key', 'attempts')
    ).map(row => `${row.key}: ${row.attempts}`);

  const secrets = () => [
    slapd.bindPassword,
    LOCAL.password,
    ...Object.values(slapd.people).map(p => p.password),
  ];

  /** The directory-unavailable page: clear, a 503, no secret in it. */
  function expectDirectoryUnavailable(res: request.Response) {
    expect(res.status).toBe(503);
    expect(res.type).toBe('text/html');
    expect(res.text).toContain('id="enroll-error"');
    expect(res.text).toContain('We cannot check your account right now');
    expect(res.text).toContain('The company directory did not answer.');
    expect(res.text).toContain('Try again in a few minutes.');
    expect(res.text).toContain('If it keeps happening, contact IT.');
    // A way back to the portal, to try again.
    expect(res.text).toContain(`id="enroll-back" href="${PORTAL}"`);
    expect(res.text).not.toMatch(/LDAP|ldap:\/\/|Error:|\bat \S+ \(/);
    for (const secret of secrets()) {
      expect(res.text).not.toContain(secret);
    }
  }

  it('logs a directory user in while the directory answers', async () => {
    const { next } = await expectLoggedIn('alice', slapd.people.alice.password);
    expect(next.text).toContain('Alice Archer');
  });

  describe('with slapd frozen', () => {
    // A local account that found people before the freeze, and picks one during it.
    let chooser: { browser: ReturnType<typeof browser>; csrf: string };
    beforeAll(async () => {
      const { browser: b } = await expectLoggedIn(
        LOCAL.username,
        LOCAL.password,
      );
      const found = await b.get(`${PORTAL}?q=ali`);
      if (!found.text.includes('id="enroll-assign-user"')) {
        throw new Error(
          `The search before the freeze found nobody: ${found.text}`,
        );
      }
      chooser = { browser: b, csrf: csrfOf(found.text) };
      freeze();
    });
    afterAll(() => thaw());

    it('answers directory logins within the timeout with a clear 503 page, counting no failed password', async () => {
      // Right and wrong passwords alike: the directory checks neither.
      const { answers } = await logIn(
        'carol',
        slapd.people.carol.password,
        'not-carols-password',
      );
      for (const { res, ms } of answers) {
        expectDirectoryUnavailable(res);
        expect(ms).toBeLessThan(TIMEOUT_MS + MARGIN_MS);
      }
      expect(await countedTries()).toEqual([]);
    });

    it('logs a local account in without waiting on the directory', async () => {
      const bind = jest.spyOn(Client.prototype, 'bind');
      const { next, ms } = await expectLoggedIn(LOCAL.username, LOCAL.password);
      // Not a single directory operation, so no timeout waited for.
      expect(bind).not.toHaveBeenCalled();
      expect(ms).toBeLessThan(TIMEOUT_MS);
      // A local account names whom the Mac is for: the search form shows.
      expect(next.text).toContain('id="enroll-find-user"');
    });

    it('answers the directory search and choice of a local account with the same 503 page', async () => {
      const { browser: b } = await expectLoggedIn(
        LOCAL.username,
        LOCAL.password,
      );
      let started = Date.now();
      const search = await b.get(`${PORTAL}?q=ali`);
      expect(Date.now() - started).toBeLessThan(TIMEOUT_MS + MARGIN_MS);
      expectDirectoryUnavailable(search);

      started = Date.now();
      const choice = await chooser.browser.post(`${PORTAL}/assign`, {
        csrf: chooser.csrf,
        username: 'alice',
      });
      expect(Date.now() - started).toBeLessThan(TIMEOUT_MS + MARGIN_MS);
      expectDirectoryUnavailable(choice);
    });
  });

  it('logs directory users in again once slapd is thawed, with the same backend', async () => {
    const { next } = await expectLoggedIn('bob', slapd.people.bob.password);
    expect(next.text).toContain('Bob Baker');
    await expectLoggedIn('alice', slapd.people.alice.password);
  });

  describe('with slapd down', () => {
    beforeAll(() => slapd.halt());
    afterAll(() => slapd.restart());

    it('answers directory logins at once with the clear 503 page, counting no failed password', async () => {
      // With the tries while frozen, well past the lockout: were they
      // counted, carol would be locked out (a 429) by now.
      const { answers } = await logIn(
        'carol',
        ...Array.from({ length: USER_LOCKOUT + 1 }, (_, i) => `carol-try-${i}`),
      );
      for (const { res, ms } of answers) {
        expectDirectoryUnavailable(res);
        expect(ms).toBeLessThan(TIMEOUT_MS);
      }
      expect(await countedTries()).toEqual([]);
    });

    it('still logs a local account in', async () => {
      const { next } = await expectLoggedIn(LOCAL.username, LOCAL.password);
      expect(next.text).toContain('id="enroll-find-user"');
    });
  });

  it('logs directory users in again once slapd is back on its port, with the same backend', async () => {
    // Not locked out by the tries while the directory failed.
    const { next } = await expectLoggedIn('carol', slapd.people.carol.password);
    expect(next.text).toContain('Carol Clark');
    // The local account's search works again too.
    const { browser: b } = await expectLoggedIn(LOCAL.username, LOCAL.password);
    const search = await b.get(`${PORTAL}?q=ali`);
    expect(search.status).toBe(200);
    expect(search.text).toContain('Alice Archer');
    const choice = await b.post(`${PORTAL}/assign`, {
      csrf: csrfOf(search.text),
      username: 'alice',
    });
    expect(choice.status).toBe(303);
  });

  it('logged why, for the admin, and no secret', () => {
    const unreachable = logged.filter(line =>
      line.includes(`The LDAP directory ${slapd.url} could not be reached`),
    );
    // Frozen: the timeout; down: the refused connection.
    expect(unreachable).toContainEqual(
      expect.stringMatching(
        new RegExp(`No answer within ${TIMEOUT_MS} ms|Operation timed out`),
      ),
    );
    expect(unreachable).toContainEqual(expect.stringMatching(/ECONNREFUSED/));
    for (const line of logged) {
      for (const secret of secrets()) {
        expect(line).not.toContain(secret);
      }
    }
  });
});
