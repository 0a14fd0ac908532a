import { createTestDatabases, testDatabaseIds } from '@internal/test-harness';
import plist from 'plist';
import { migrated } from '../__testUtils__/stores';
import { DatabaseCommandStore } from './DatabaseCommandStore';

jest.setTimeout(60_000);

const databases = createTestDatabases();

describe.each(testDatabaseIds(databases))('CommandStore on %s', id => {
  it('hands out queued commands oldest first, a NotNow one again at the next Idle, and re-sends an unanswered one', async () => {
    const store = new DatabaseCommandStore(
      await migrated(await databases.init(id)),
    );
    const t0 = new Date('2026-11-24T10:00:00Z');
    const info = await store.enqueue(
      'c1',
      { RequestType: 'DeviceInformation', Queries: ['OSVersion'] },
      t0,
    );
    const security = await store.enqueue(
      'c1',
      { RequestType: 'SecurityInfo' },
      new Date(t0.getTime() + 1),
    );
    await store.enqueue('other', { RequestType: 'ProfileList' }, t0);

    const first = await store.next('c1', t0, { includeNotNow: false });
    expect(first?.commandUuid).toBe(info.commandUuid);
    expect(plist.parse(first!.payload)).toEqual({
      CommandUUID: info.commandUuid,
      Command: { RequestType: 'DeviceInformation', Queries: ['OSVersion'] },
    });
    await store.recordResult('c1', info.commandUuid, 'notnow', '<plist/>', t0);
    // Not offered again right after NotNow; the next queued one comes first.
    const second = await store.next('c1', t0, { includeNotNow: false });
    expect(second?.commandUuid).toBe(security.commandUuid);
    // SecurityInfo was sent and never answered: it goes again first.
    expect(
      (await store.next('c1', t0, { includeNotNow: true }))?.commandUuid,
    ).toBe(security.commandUuid);
    await store.recordResult(
      'c1',
      security.commandUuid,
      'error',
      '<plist/>',
      t0,
      'The MDM payload is not installed',
    );
    expect(
      await store.next('c1', t0, { includeNotNow: false }),
    ).toBeUndefined();
    // The Mac's next Idle poll brings the NotNow one back.
    const later = await store.next('c1', t0, { includeNotNow: true });
    expect(later?.commandUuid).toBe(info.commandUuid);

    await store.recordResult(
      'c1',
      info.commandUuid,
      'acknowledged',
      '<plist/>',
      t0,
    );
    expect(
      await store.next('c1', new Date(t0.getTime() + 3600_000), {
        includeNotNow: true,
      }),
    ).toBeUndefined();
    // Another computer's command cannot be answered from here.
    const foreign = (await store.list('other'))[0];
    expect(
      await store.recordResult(
        'c1',
        foreign.commandUuid,
        'acknowledged',
        '',
        t0,
      ),
    ).toBeUndefined();
    expect((await store.list('c1')).map(c => c.status)).toEqual([
      'acknowledged',
      'error',
    ]);
    expect(await store.history('c1')).toEqual([
      {
        commandUuid: security.commandUuid,
        requestType: 'SecurityInfo',
        status: 'error',
        queuedAt: new Date(t0.getTime() + 1).toISOString(),
        sentAt: t0.toISOString(),
        answeredAt: t0.toISOString(),
        error: 'The MDM payload is not installed',
      },
      expect.objectContaining({
        commandUuid: info.commandUuid,
        status: 'acknowledged',
        error: undefined,
      }),
    ]);
  });
});
