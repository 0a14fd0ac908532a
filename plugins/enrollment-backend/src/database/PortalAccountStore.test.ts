import { createTestDatabases, testDatabaseIds } from '@internal/test-harness';
import { migrated } from '../__testUtils__/stores';
import { DatabasePortalAccountStore } from './DatabasePortalAccountStore';

jest.setTimeout(60_000);

const databases = createTestDatabases();

describe.each(testDatabaseIds(databases))('PortalAccountStore on %s', id => {
  async function setup() {
    const knex = await migrated(await databases.init(id));
    return { knex, store: new DatabasePortalAccountStore(knex) };
  }

  it('keeps the person of config accounts in step with config', async () => {
    const { store } = await setup();
    await store.syncFromConfig([
      { username: 'enroll', passwordHash: 'h1' },
      {
        username: 'alice',
        passwordHash: 'h2',
        realName: 'Alice Archer',
        email: 'alice@example.com',
      },
    ]);
    const person = async () =>
      (await store.list()).map(({ username, realName, email }) => ({
        username,
        realName,
        email,
      }));
    expect(await person()).toEqual([
      {
        username: 'alice',
        realName: 'Alice Archer',
        email: 'alice@example.com',
      },
      { username: 'enroll', realName: undefined, email: undefined },
    ]);
    expect((await store.getForLogin('alice'))?.account).toMatchObject({
      realName: 'Alice Archer',
      email: 'alice@example.com',
    });

    // Config changes the person of one account and drops the other's.
    await store.syncFromConfig([
      { username: 'enroll', passwordHash: 'h1', realName: 'Enrollment Desk' },
      { username: 'alice', passwordHash: 'h2' },
    ]);
    expect(await person()).toEqual([
      { username: 'alice', realName: undefined, email: undefined },
      { username: 'enroll', realName: 'Enrollment Desk', email: undefined },
    ]);
  });

  it('lets admins set and clear the person of their accounts, not of config ones', async () => {
    const { store } = await setup();
    await store.syncFromConfig([{ username: 'enroll', passwordHash: 'h1' }]);
    await expect(
      store.create('kiosk', 'h2', { realName: 'Kim Kiosk' }),
    ).resolves.toMatchObject({ username: 'kiosk', realName: 'Kim Kiosk' });
    await expect(
      store.update('kiosk', { realName: null, email: 'kim@example.com' }),
    ).resolves.toEqual(
      expect.not.objectContaining({ realName: expect.anything() }),
    );
    expect((await store.getForLogin('kiosk'))?.account.email).toBe(
      'kim@example.com',
    );
    await expect(
      store.update('enroll', { email: 'desk@example.com' }),
    ).rejects.toThrow(/comes from app-config/);
  });
});
