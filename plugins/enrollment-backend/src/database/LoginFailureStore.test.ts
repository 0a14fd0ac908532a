import { createTestDatabases, testDatabaseIds } from '@internal/test-harness';
import { migrated } from '../__testUtils__/stores';
import { LoginFailureStore } from './LoginFailureStore';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const MINUTE = 60_000;

describe.each(testDatabaseIds(databases))('LoginFailureStore on %s', id => {
  it('admits the limit, then locks, and the cleanup forgets only keys whose window and lock are over', async () => {
    const knex = await migrated(await databases.init(id));
    const store = new LoginFailureStore(knex, {
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
