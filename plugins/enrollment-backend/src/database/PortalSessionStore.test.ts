import { createTestDatabases, testDatabaseIds } from '@internal/test-harness';
import { migrated } from '../__testUtils__/stores';
import { DatabasePortalSessionStore } from './DatabasePortalSessionStore';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const TTL = 30 * 60_000;

describe.each(testDatabaseIds(databases))('PortalSessionStore on %s', id => {
  async function setup() {
    const knex = await migrated(await databases.init(id));
    return { knex, store: new DatabasePortalSessionStore(knex) };
  }

  it('rotates a session to a new id and CSRF token, keeping its invitation and the given state', async () => {
    const { knex, store } = await setup();
    const now = new Date();
    const old = await store.create({ invitationId: 'inv-1', ttlMs: TTL, now });
    await store.update(old.session, { eulaAccepted: true });

    const later = new Date(now.getTime() + 60_000);
    const rotated = await store.rotate(old.session, {
      state: { eulaAccepted: true, login: { kind: 'local', name: 'enroll' } },
      ttlMs: TTL,
      now: later,
    });
    expect(rotated.id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(rotated.id).not.toBe(old.id);
    expect(rotated.session.csrfToken).not.toBe(old.session.csrfToken);

    await expect(store.get(old.id, later)).resolves.toBeUndefined();
    await expect(store.get(rotated.id, later)).resolves.toEqual({
      idHash: rotated.session.idHash,
      csrfToken: rotated.session.csrfToken,
      invitationId: 'inv-1',
      state: { eulaAccepted: true, login: { kind: 'local', name: 'enroll' } },
      expiresAt: new Date(later.getTime() + TTL),
    });
    expect(await knex('enrollment_portal_sessions')).toHaveLength(1);
  });
});
