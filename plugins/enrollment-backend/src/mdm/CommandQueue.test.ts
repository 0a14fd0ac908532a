import { createTestDatabases, testDatabaseIds } from '@internal/test-harness';
import { migrated } from '../__testUtils__/stores';
import { DatabaseCommandStore } from '../database/DatabaseCommandStore';
import { CommandQueue } from './CommandQueue';

jest.setTimeout(60_000);

const databases = createTestDatabases();

describe.each(testDatabaseIds(databases))('CommandQueue on %s', id => {
  it('hands a batch to the Mac in the order it was queued, and pushes once', async () => {
    const commands = new DatabaseCommandStore(
      await migrated(await databases.init(id)),
    );
    const pushes: string[] = [];
    const queue = new CommandQueue({
      commands,
      push: { request: async computerId => void pushes.push(computerId) },
    });
    const now = new Date('2027-01-01T00:00:00Z');
    const types = ['DeviceInformation', 'SecurityInfo', 'ProfileList'];

    const queued = await queue.queue(
      'mac-1',
      types.map(RequestType => ({ RequestType })),
      now,
    );

    expect(new Set(queued.map(c => c.createdAt.getTime())).size).toBe(3);
    const sent = [];
    for (let i = 0; i < 3; i++) {
      const next = await commands.next('mac-1', now, { includeNotNow: false });
      sent.push(next!.requestType);
      await commands.recordResult(
        'mac-1',
        next!.commandUuid,
        'acknowledged',
        '',
        now,
      );
    }
    expect(sent).toEqual(types);
    expect(pushes).toEqual(['mac-1']);
  });
});
