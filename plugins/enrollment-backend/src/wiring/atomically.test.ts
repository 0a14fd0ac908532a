import { mockServices } from '@backstage/backend-test-utils';
import { createTestDatabases, testDatabaseIds } from '@internal/test-harness';
import { ActivityLog } from '../activity/ActivityLog';
import { DEFAULT_PUSH_SETTINGS, PushService } from '../apns/PushService';
import { createEnrollmentStores } from '../database/createEnrollmentStores';
import { OutboundEvents } from '../outbound/OutboundEvents';
import { atomicallyWithPushes } from './atomically';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const NOW = new Date('2026-12-08T10:00:00Z');

/**
 * What a check-in's transaction asks for beyond its rows (a push, an event
 * for other systems, an audit line) exists exactly when it commits.
 */
describe.each(testDatabaseIds(databases))('atomicallyWithPushes on %s', id => {
  async function setup() {
    const knex = await databases.init(id);
    const stores = await createEnrollmentStores(
      mockServices.database({ knex }),
    );
    await knex('enrollment_computers').insert({
      id: 'c-1',
      udid: 'U-1',
      status: 'enrolled',
      created_at: NOW,
      updated_at: NOW,
    });
    const push = new PushService({
      queue: stores.pushQueue,
      devices: stores.devices,
      certificate: async () => undefined,
      events: { record: async () => undefined },
      logger: mockServices.logger.mock(),
      settings: DEFAULT_PUSH_SETTINGS,
      clock: () => NOW,
    });
    const kick = jest.spyOn(push, 'kick').mockImplementation(() => {});
    const announced = jest.fn();
    const outbound = new OutboundEvents(
      stores,
      { notifications: false, webhook: false },
      announced,
    );
    const auditor = mockServices.auditor.mock();
    /** A TokenUpdate's side effects, then `fail` or not. */
    const run = (fail: boolean) =>
      atomicallyWithPushes(stores, push, outbound, async tx => {
        await tx.queue.queue(
          'c-1',
          [{ RequestType: 'DeviceInformation' }],
          NOW,
        );
        await tx.outbound.computer(['computer.enrolled'], 'c-1', NOW);
        await new ActivityLog(tx.stores.events, auditor, tx.afterCommit).record(
          { type: 'mdm.enrolled', computerId: 'c-1', message: 'in' },
        );
        // Nothing has left the transaction yet.
        expect(kick).not.toHaveBeenCalled();
        expect(announced).not.toHaveBeenCalled();
        expect(auditor.createEvent).not.toHaveBeenCalled();
        if (fail) throw new Error('the database went away');
      });
    return { stores, run, kick, announced, auditor };
  }

  it('rolls back the command, the push, the event and the audit line together', async () => {
    const { stores, run, kick, announced, auditor } = await setup();
    await expect(run(true)).rejects.toThrow('the database went away');
    expect(await stores.commands.hasPending('c-1')).toBe(false);
    expect(await stores.pushQueue.count()).toBe(0);
    expect(await stores.outbound.pending()).toMatchObject({ events: 0 });
    expect(kick).not.toHaveBeenCalled();
    expect(announced).not.toHaveBeenCalled();
    expect(auditor.createEvent).not.toHaveBeenCalled();
  });

  it('commits them together, then sends the push, the event and the audit line', async () => {
    const { stores, run, kick, announced, auditor } = await setup();
    await run(false);
    expect(await stores.commands.hasPending('c-1')).toBe(true);
    // The push was written in the transaction, before anything was sent.
    expect(await stores.pushQueue.count()).toBe(1);
    expect(await stores.outbound.pending()).toMatchObject({ events: 1 });
    expect(kick).toHaveBeenCalledTimes(1);
    expect(announced).toHaveBeenCalledTimes(1);
    expect(auditor.createEvent).toHaveBeenCalledTimes(1);
  });
});
