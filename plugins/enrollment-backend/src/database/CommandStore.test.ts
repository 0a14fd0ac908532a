import { createTestDatabases, testDatabaseIds } from '@internal/test-harness';
import plist from 'plist';
import { migrated } from '../__testUtils__/stores';
import { CommandStore } from './CommandStore';

jest.setTimeout(60_000);

const databases = createTestDatabases();

describe.each(testDatabaseIds(databases))('CommandStore on %s', id => {
  it('hands out queued commands oldest first, and a NotNow one again a minute later', async () => {
    const store = new CommandStore(await migrated(await databases.init(id)));
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

    const first = await store.next('c1', t0);
    expect(first?.commandUuid).toBe(info.commandUuid);
    expect(plist.parse(first!.payload)).toEqual({
      CommandUUID: info.commandUuid,
      Command: { RequestType: 'DeviceInformation', Queries: ['OSVersion'] },
    });
    await store.recordResult('c1', info.commandUuid, 'notnow', '<plist/>', t0);
    // Not offered again right away; the next queued one comes first.
    expect((await store.next('c1', t0))?.commandUuid).toBe(
      security.commandUuid,
    );
    expect(
      await store.next('c1', new Date(t0.getTime() + 30_000)),
    ).toBeUndefined();
    const later = await store.next('c1', new Date(t0.getTime() + 61_000));
    expect(later?.commandUuid).toBe(info.commandUuid);

    await store.recordResult(
      'c1',
      info.commandUuid,
      'acknowledged',
      '<plist/>',
      t0,
    );
    expect(
      await store.next('c1', new Date(t0.getTime() + 3600_000)),
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
      'sent',
    ]);
  });
});
