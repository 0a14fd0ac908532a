import * as crypto from 'node:crypto';
import { ConfigReader } from '@backstage/config';
import {
  createTestDatabases,
  RunningSlapd,
  startSlapd,
  testDatabaseIds,
} from '@internal/test-harness';
import { Client } from 'ldapts';
import { migrated } from '../__testUtils__/stores';
import { hashPassword } from '../accounts/passwordHash';
import { DatabaseLoginFailureStore } from '../database/DatabaseLoginFailureStore';
import { DatabasePortalAccountStore } from '../database/DatabasePortalAccountStore';
import { LdapDirectory } from '../ldap/LdapDirectory';
import { readLdapSettings } from '../ldap/LdapSettings';
import { PortalLogin } from './PortalLogin';

// Every scrypt run, to count password checks without timing anything.
jest.mock('node:crypto', () => {
  const actual = jest.requireActual('node:crypto');
  return { ...actual, scrypt: jest.fn(actual.scrypt) };
});
const scryptRuns = crypto.scrypt as unknown as jest.Mock;

jest.setTimeout(60_000);

const databases = createTestDatabases();
const USER_POLICY = {
  maxFailures: 5,
  windowMs: 15 * 60_000,
  lockMs: 15 * 60_000,
};
// Smaller than production's 30, to keep each test to a few hashes.
const ADDRESS_POLICY = {
  maxFailures: 8,
  windowMs: 15 * 60_000,
  lockMs: 15 * 60_000,
};
const LOCAL_PASSWORD = 'local-secret-1';

describe.each(testDatabaseIds(databases))('PortalLogin on %s', id => {
  let slapd: RunningSlapd;
  beforeAll(async () => {
    slapd = await startSlapd();
  });
  afterAll(() => slapd?.stop());
  afterEach(() => jest.restoreAllMocks());

  function directory(ldap: Record<string, unknown> = {}): LdapDirectory {
    return new LdapDirectory(
      readLdapSettings(
        new ConfigReader({
          enrollment: {
            ldap: {
              url: slapd.url,
              bindDn: slapd.bindDn,
              bindPassword: slapd.bindPassword,
              users: { baseDn: slapd.baseDn },
              groups: { baseDn: `ou=groups,${slapd.baseDn}` },
              ...ldap,
            },
          },
        }),
      )!,
    );
  }

  async function setup(options: { ldap?: Record<string, unknown> } = {}) {
    const knex = await migrated(await databases.init(id));
    const accounts = new DatabasePortalAccountStore(knex);
    await accounts.syncFromConfig([
      { username: 'enroll', passwordHash: await hashPassword(LOCAL_PASSWORD) },
    ]);
    const login = new PortalLogin({
      accounts,
      directory: directory(options.ldap),
      userFailures: new DatabaseLoginFailureStore(knex, USER_POLICY),
      addressFailures: new DatabaseLoginFailureStore(knex, ADDRESS_POLICY),
    });
    let n = 0;
    const attempt = (
      username: string,
      password: string,
      more: { address?: string; allowedGroups?: string[] } = {},
    ) =>
      login.login({
        username,
        password,
        // A new address each time unless given: the user's budget is tested.
        address: more.address ?? `192.0.2.${++n}`,
        allowedGroups: more.allowedGroups ?? [],
        now: new Date(),
      });
    scryptRuns.mockClear();
    return { knex, accounts, login, attempt };
  }

  /** Binds as someone other than the reader: password checks at the directory. */
  function countUserBinds() {
    const bind = jest.spyOn(Client.prototype, 'bind');
    return () => bind.mock.calls.filter(([dn]) => dn !== slapd.bindDn).length;
  }

  describe('a burst of concurrent tries', () => {
    const burst = (right: string) =>
      Array.from({ length: 50 }, (_, i) =>
        i === 49 ? right : `wrong-password-${i % 19}`,
      );

    it('checks at most maxFailures passwords of a local account, and the right one last does not log in', async () => {
      const { attempt } = await setup();
      const outcomes = await Promise.all(
        burst(LOCAL_PASSWORD).map(password => attempt('enroll', password)),
      );
      expect(scryptRuns.mock.calls.length).toBeLessThanOrEqual(
        USER_POLICY.maxFailures,
      );
      expect(outcomes[49].ok).toBe(false);
      expect(outcomes.filter(o => o.ok)).toEqual([]);
      expect(
        outcomes.filter(o => !o.ok && o.reason === 'throttled').length,
      ).toBeGreaterThanOrEqual(50 - USER_POLICY.maxFailures);
    });

    it('binds at most maxFailures times for a directory user', async () => {
      const { attempt } = await setup();
      const userBinds = countUserBinds();
      const outcomes = await Promise.all(
        burst(slapd.people.carol.password).map(password =>
          attempt('carol', password),
        ),
      );
      expect(userBinds()).toBeLessThanOrEqual(USER_POLICY.maxFailures);
      expect(outcomes.filter(o => o.ok)).toEqual([]);
    });

    it('checks at most the address limit from one address across usernames', async () => {
      const { attempt } = await setup();
      const outcomes = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          attempt(`nobody-${i}`, 'wrong-password', { address: '198.51.100.7' }),
        ),
      );
      expect(scryptRuns.mock.calls.length).toBeLessThanOrEqual(
        ADDRESS_POLICY.maxFailures,
      );
      expect(
        outcomes.filter(o => !o.ok && o.reason === 'throttled'),
      ).toHaveLength(20 - ADDRESS_POLICY.maxFailures);
    });

    it('does not let a locked address use up the budgets of the names it tries', async () => {
      const { attempt } = await setup();
      const address = { address: '198.51.100.9' };
      for (let i = 0; i < ADDRESS_POLICY.maxFailures; i++) {
        await attempt(`nobody-${i}`, 'wrong-password', address);
      }
      // Locked, it goes on naming the local account.
      for (let i = 0; i <= USER_POLICY.maxFailures; i++) {
        const outcome = await attempt('enroll', 'wrong-password', address);
        expect(outcome).toMatchObject({ ok: false, reason: 'throttled' });
      }
      // The account's person, elsewhere, is not locked out.
      expect(await attempt('enroll', LOCAL_PASSWORD)).toMatchObject({
        ok: true,
      });
    });

    it('lets the right password in after a few failures, and starts the count over', async () => {
      const { attempt } = await setup();
      for (let i = 0; i < USER_POLICY.maxFailures - 1; i++) {
        expect(await attempt('enroll', `wrong-${i}`)).toMatchObject({
          ok: false,
          reason: 'bad-credentials',
        });
      }
      expect(await attempt('enroll', LOCAL_PASSWORD)).toMatchObject({
        ok: true,
        kind: 'local',
        name: 'enroll',
      });
      for (let i = 0; i < USER_POLICY.maxFailures - 1; i++) {
        await attempt('enroll', `wrong-${i}`);
      }
      expect(await attempt('enroll', LOCAL_PASSWORD)).toMatchObject({
        ok: true,
      });
    });

    it('counts successful logins from a shared address as no failures', async () => {
      const { attempt } = await setup();
      for (let i = 0; i < ADDRESS_POLICY.maxFailures + 2; i++) {
        expect(
          (
            await attempt('alice', slapd.people.alice.password, {
              address: '203.0.113.9',
            })
          ).ok,
        ).toBe(true);
      }
    });
  });

  describe('look-alike usernames', () => {
    it('gives fullwidth, circled and capital spellings of bob one budget', async () => {
      const { attempt } = await setup();
      const userBinds = countUserBinds();
      for (const spelling of ['ｂob', 'BOB', 'ⓑob', 'ｂｏｂ', 'Bob']) {
        expect(await attempt(spelling, 'wrong-password')).toMatchObject({
          ok: false,
          reason: 'bad-credentials',
        });
      }
      const right = await attempt('bob', slapd.people.bob.password);
      expect(right).toMatchObject({ ok: false, reason: 'throttled' });
      expect(userBinds()).toBe(5);
    });

    it('gives ALİCE (dotted capital I) and alıce the budget of alice', async () => {
      const { attempt } = await setup();
      for (const spelling of ['ALİCE', 'ALİCE', 'alıce', 'alice', 'ALİCE']) {
        await attempt(spelling, 'wrong-password');
      }
      const right = await attempt('ALICE', slapd.people.alice.password);
      expect(right).toMatchObject({ ok: false, reason: 'throttled' });
    });

    it('gives every name that finds one directory entry one budget', async () => {
      // uid or mail: two different names, one entry.
      const { attempt } = await setup({
        ldap: {
          users: {
            baseDn: slapd.baseDn,
            filter: '(|(uid={username})(mail={username}))',
          },
        },
      });
      for (const name of [
        'bob',
        'bob@example.com',
        'bob',
        'BOB@EXAMPLE.COM',
        'bob',
      ]) {
        await attempt(name, 'wrong-password');
      }
      const right = await attempt('bob@example.com', slapd.people.bob.password);
      expect(right).toMatchObject({ ok: false, reason: 'throttled' });
    });

    it('logs alice in by a look-alike spelling as the directory names her', async () => {
      const { attempt } = await setup();
      await expect(
        attempt('ＡＬİＣＥ', slapd.people.alice.password),
      ).resolves.toMatchObject({ ok: true, kind: 'ldap', name: 'alice' });
    });
  });

  describe('the work done for each kind of name', () => {
    it('runs one password hash for a local account, a directory user and an unknown name', async () => {
      const { attempt } = await setup();
      const runs: Record<string, number> = {};
      for (const [label, username, password] of [
        ['local, wrong password', 'enroll', 'wrong-password'],
        ['local, right password', 'enroll', LOCAL_PASSWORD],
        ['directory, wrong password', 'alice', 'wrong-password'],
        ['directory, right password', 'alice', slapd.people.alice.password],
        ['unknown', 'nobody-at-all', 'wrong-password'],
      ]) {
        scryptRuns.mockClear();
        await attempt(username, password);
        runs[label] = scryptRuns.mock.calls.length;
      }
      expect(runs).toEqual({
        'local, wrong password': 1,
        'local, right password': 1,
        'directory, wrong password': 1,
        'directory, right password': 1,
        unknown: 1,
      });
    });

    it('runs one hash without a directory too', async () => {
      const knex = await migrated(await databases.init(id));
      const login = new PortalLogin({
        accounts: new DatabasePortalAccountStore(knex),
        userFailures: new DatabaseLoginFailureStore(knex, USER_POLICY),
        addressFailures: new DatabaseLoginFailureStore(knex, ADDRESS_POLICY),
      });
      scryptRuns.mockClear();
      await login.login({
        username: 'nobody',
        password: 'wrong-password',
        address: '192.0.2.1',
        allowedGroups: [],
        now: new Date(),
      });
      expect(scryptRuns).toHaveBeenCalledTimes(1);
    });
  });

  describe('the group restriction', () => {
    it('answers a right password outside the groups as a wrong one, and counts it', async () => {
      const { attempt } = await setup();
      const allowedGroups = ['mac-users'];
      const outcome = await attempt('bob', slapd.people.bob.password, {
        allowedGroups,
      });
      expect(outcome).toMatchObject({ ok: false, reason: 'not-in-group' });
      for (let i = 1; i < USER_POLICY.maxFailures; i++) {
        await attempt('bob', slapd.people.bob.password, { allowedGroups });
      }
      expect(
        await attempt('bob', slapd.people.bob.password, { allowedGroups }),
      ).toMatchObject({ ok: false, reason: 'throttled' });
      // A member still gets in.
      expect(
        await attempt('alice', slapd.people.alice.password, { allowedGroups }),
      ).toMatchObject({ ok: true, kind: 'ldap' });
    });
  });

  describe('old password hashes', () => {
    const oldHash = (password: string) => {
      const salt = crypto.randomBytes(16);
      const key = crypto.scryptSync(password, salt, 32, {
        N: 16384,
        r: 8,
        p: 1,
      });
      return `scrypt$16384$8$1$${salt.toString('base64')}$${key.toString(
        'base64',
      )}`;
    };
    const storedHash = async (knex: any, username: string) =>
      (await knex('enrollment_portal_accounts').where({ username }).first())
        .password_hash as string;

    it('re-hashes a local account with the current parameters at its next login', async () => {
      const { knex, accounts, attempt } = await setup();
      await accounts.create('kiosk', oldHash('kiosk-password-1'));
      const before = await storedHash(knex, 'kiosk');

      await attempt('kiosk', 'wrong-password');
      expect(await storedHash(knex, 'kiosk')).toBe(before);

      expect(await attempt('kiosk', 'kiosk-password-1')).toMatchObject({
        ok: true,
      });
      const after = await storedHash(knex, 'kiosk');
      expect(after).not.toBe(before);
      expect(after.split('$').slice(0, 4)).toEqual(
        (await hashPassword('x')).split('$').slice(0, 4),
      );
      expect(await attempt('kiosk', 'kiosk-password-1')).toMatchObject({
        ok: true,
      });
      // Current hashes are left alone.
      expect(await storedHash(knex, 'kiosk')).toBe(after);
    });

    it('does not re-hash a disabled account', async () => {
      const { knex, accounts, attempt } = await setup();
      await accounts.create('kiosk', oldHash('kiosk-password-1'));
      await accounts.update('kiosk', { disabled: true });
      const before = await storedHash(knex, 'kiosk');
      expect((await attempt('kiosk', 'kiosk-password-1')).ok).toBe(false);
      expect(await storedHash(knex, 'kiosk')).toBe(before);
    });
  });
});
