import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { createTestDatabases, testDatabaseIds } from '@internal/test-harness';
import { migrated } from '../__testUtils__/stores';
import { DatabaseLoginFailureStore } from './DatabaseLoginFailureStore';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const MINUTE = 60_000;
const POLICY = { maxFailures: 3, windowMs: 10 * MINUTE, lockMs: 15 * MINUTE };
const T0 = new Date('2026-12-03T10:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * MINUTE);

describe.each(testDatabaseIds(databases))('LoginFailureStore on %s', id => {
  async function setup(policy = POLICY) {
    const knex = await migrated(await databases.init(id));
    return { knex, store: new DatabaseLoginFailureStore(knex, policy) };
  }

  it('admits maxFailures attempts, then refuses until the lock ends', async () => {
    const { store } = await setup();
    for (let i = 0; i < 3; i++) {
      await expect(store.reserve('user:bob', at(i))).resolves.toEqual({
        admitted: true,
      });
    }
    // The third attempt locked the key for lockMs from then.
    await expect(store.reserve('user:bob', at(3))).resolves.toEqual({
      admitted: false,
      retryAt: at(2 + 15),
    });
    await expect(store.reserve('user:bob', at(16))).resolves.toMatchObject({
      admitted: false,
      retryAt: at(17),
    });
    // Other keys are not affected.
    await expect(store.reserve('user:alice', at(3))).resolves.toEqual({
      admitted: true,
    });
    await expect(store.reserve('user:bob', at(17))).resolves.toEqual({
      admitted: true,
    });
  });

  it('starts over once a quiet window has passed', async () => {
    const { store } = await setup();
    await store.reserve('user:bob', at(0));
    await store.reserve('user:bob', at(1));
    // Window of 10 minutes from the first attempt.
    await store.reserve('user:bob', at(10));
    await store.reserve('user:bob', at(11));
    await expect(store.reserve('user:bob', at(12))).resolves.toEqual({
      admitted: true,
    });
    await expect(store.reserve('user:bob', at(13))).resolves.toMatchObject({
      admitted: false,
    });
  });

  it('admits exactly maxFailures of 50 concurrent attempts', async () => {
    const { store } = await setup();
    const results = await Promise.all(
      Array.from({ length: 50 }, () => store.reserve('user:bob', at(0))),
    );
    expect(results.filter(r => r.admitted)).toHaveLength(3);
  });

  it('starts a cleared key over', async () => {
    const { store } = await setup();
    for (let i = 0; i < 4; i++) await store.reserve('user:bob', at(0));
    await store.reserve('dn:uid=bob', at(0));
    await store.clear(['user:bob', 'dn:uid=bob']);
    for (let i = 0; i < 3; i++) {
      await expect(store.reserve('user:bob', at(1))).resolves.toEqual({
        admitted: true,
      });
    }
  });

  it('gives back a released attempt, lifting the lock it set', async () => {
    const { store } = await setup();
    await store.reserve('ip:192.0.2.1', at(0));
    await store.reserve('ip:192.0.2.1', at(0));
    // The third attempt reaches the limit, then turns out a success.
    await store.reserve('ip:192.0.2.1', at(0));
    await store.release('ip:192.0.2.1');
    await expect(store.reserve('ip:192.0.2.1', at(1))).resolves.toEqual({
      admitted: true,
    });
    await expect(store.reserve('ip:192.0.2.1', at(1))).resolves.toMatchObject({
      admitted: false,
    });
    // Releasing a key never seen does nothing.
    await store.release('ip:198.51.100.1');
  });

  it('locks at the first attempt when the limit is one', async () => {
    const { store } = await setup({ ...POLICY, maxFailures: 1 });
    await expect(store.reserve('user:bob', at(0))).resolves.toEqual({
      admitted: true,
    });
    await expect(store.reserve('user:bob', at(1))).resolves.toEqual({
      admitted: false,
      retryAt: at(15),
    });
    await expect(store.reserve('user:bob', at(15))).resolves.toEqual({
      admitted: true,
    });
  });

  it('migrates from the failures table to the attempts table and back', async () => {
    const knex = await migrated(await databases.init(id));
    expect(await knex.schema.hasTable('enrollment_login_attempts')).toBe(true);
    expect(await knex.schema.hasTable('enrollment_login_failures')).toBe(false);
    const directory = resolvePackagePath(
      '@macenroll/plugin-enrollment-backend',
      'migrations',
    );
    await knex.migrate.down({
      directory,
      name: '20261203120000_login_attempts.js',
    });
    expect(await knex.schema.hasTable('enrollment_login_attempts')).toBe(false);
    expect(await knex.schema.hasTable('enrollment_login_failures')).toBe(true);
    await knex.migrate.latest({ directory });
    expect(await knex.schema.hasTable('enrollment_login_attempts')).toBe(true);
  });

  it('admits the limit, then locks, and the cleanup forgets only keys whose window and lock are over', async () => {
    const knex = await migrated(await databases.init(id));
    const store = new DatabaseLoginFailureStore(knex, {
      maxFailures: 3,
      windowMs: 15 * MINUTE,
      lockMs: 15 * MINUTE,
    });
    const now = new Date('2027-01-01T10:00:00Z');
    const admitted = [];
    for (let i = 0; i < 5; i++) {
      admitted.push((await store.reserve('user:locked', now)).admitted);
    }
    expect(admitted).toEqual([true, true, true, false, false]);
    await store.reserve('user:quiet', now);
    const later = new Date(now.getTime() + 10 * MINUTE);
    await store.reserve('user:recent', later);

    // 16 minutes on: the lock and the quiet key's window are over; the
    // recent key's window is not.
    const after = new Date(now.getTime() + 16 * MINUTE);
    expect(await store.deleteExpired(after)).toBe(2);
    const keys = (await knex('enrollment_login_attempts').select('key')).map(
      r => r.key,
    );
    expect(keys).toEqual(['user:recent']);
    expect((await store.reserve('user:locked', after)).admitted).toBe(true);
  });
});
