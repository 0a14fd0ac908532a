import { createTestDatabases, testDatabaseIds } from '@internal/test-harness';
import { migrated } from '../__testUtils__/stores';
import { DatabaseEventStore } from './DatabaseEventStore';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const page = (query: object = {}) => ({ offset: 0, limit: 25, ...query });

describe.each(testDatabaseIds(databases))('EventStore on %s', id => {
  async function setup() {
    const knex = await migrated(await databases.init(id));
    const store = new DatabaseEventStore(knex);
    await store.record({
      type: 'invitation.created',
      actor: 'user:default/jane',
      invitationId: 'inv-1',
      message: 'Invitation created for 2 recipients',
      data: { recipients: 2 },
    });
    await store.record({
      type: 'portal.login-failed',
      actor: 'bob',
      invitationId: 'inv-1',
      message: 'Portal login as bob refused (100%_wrong) from ::1',
    });
    await store.record({
      type: 'mdm.enrolled',
      computerId: 'computer-1',
      message: 'Computer ABC enrolled',
    });
    await store.record({
      type: 'portalx.other',
      message: 'A made-up type sharing the portal prefix without its dot',
    });
    return { knex, store };
  }

  it('lists newest first with a total, and maps every field', async () => {
    const { store } = await setup();
    const all = await store.list(page({ limit: 2 }));
    expect(all.totalCount).toBe(4);
    expect(all.items.map(e => e.type)).toEqual([
      'portalx.other',
      'mdm.enrolled',
    ]);
    const rest = await store.list(page({ offset: 2 }));
    expect(rest.items[1]).toEqual({
      id: expect.any(String),
      type: 'invitation.created',
      actor: 'user:default/jane',
      invitationId: 'inv-1',
      computerId: undefined,
      message: 'Invitation created for 2 recipients',
      data: { recipients: 2 },
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
  });

  it('filters by category, invitation, computer and text (wildcards literal)', async () => {
    const { store } = await setup();
    const types = async (query: object) =>
      (await store.list(page(query))).items.map(e => e.type);
    expect(await types({ category: 'portal' })).toEqual([
      'portal.login-failed',
    ]);
    expect(await types({ invitationId: 'inv-1' })).toEqual([
      'portal.login-failed',
      'invitation.created',
    ]);
    expect(await types({ computerId: 'computer-1' })).toEqual(['mdm.enrolled']);
    expect(await types({ search: 'JANE' })).toEqual(['invitation.created']);
    expect(await types({ search: '100%_w' })).toEqual(['portal.login-failed']);
    expect(await types({ search: '%' })).toEqual(['portal.login-failed']);
    expect(
      (await store.list(page({ category: 'mdm', search: 'nothing' })))
        .totalCount,
    ).toBe(0);
  });

  it('deletes events older than the retention cutoff only', async () => {
    const { knex, store } = await setup();
    const old = new Date(Date.now() - 400 * 86_400_000);
    await knex('enrollment_events')
      .whereIn('type', ['invitation.created', 'mdm.enrolled'])
      .update({ created_at: old });
    expect(
      await store.deleteOlderThan(new Date(Date.now() - 365 * 86_400_000)),
    ).toBe(2);
    expect((await store.list(page())).items.map(e => e.type).sort()).toEqual([
      'portal.login-failed',
      'portalx.other',
    ]);
  });
});
