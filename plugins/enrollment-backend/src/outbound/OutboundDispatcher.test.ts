import { mockServices } from '@backstage/backend-test-utils';
import { EnrollmentEventPayload } from '@macenroll/plugin-enrollment-common';
import { createTestDatabases, eventually } from '@internal/test-harness';
import { migrated } from '../__testUtils__/stores';
import { DatabaseOutboundEventStore } from '../database/DatabaseOutboundEventStore';
import { NewEnrollmentEvent } from '../database/EventStore';
import { OutboundDispatcher } from './OutboundDispatcher';

// Each test migrates a fresh SQLite database: seconds on a busy machine.
jest.setTimeout(60_000);

const databases = createTestDatabases();
const T0 = new Date('2026-12-08T10:00:00Z');

const payload = (id: string): EnrollmentEventPayload => ({
  id,
  type: 'computer.enrolled',
  occurredAt: T0.toISOString(),
  computer: { id: 'c1', udid: 'U1', status: 'enrolled', user: {}, site: null },
});

describe('OutboundDispatcher', () => {
  async function setup(deliver: (e: EnrollmentEventPayload) => Promise<void>) {
    const knex = await migrated(await databases.init('SQLITE_3'));
    const store = new DatabaseOutboundEventStore(knex);
    const recorded: NewEnrollmentEvent[] = [];
    let now = T0;
    const dispatcher = new OutboundDispatcher({
      store,
      channels: { webhook: deliver },
      activity: { record: async e => void recorded.push(e) },
      logger: mockServices.logger.mock(),
      retry: {
        initialRetryMs: 1000,
        maxRetryMs: 4000,
        maxAttempts: 4,
        leaseMs: 60_000,
      },
      clock: () => now,
      // The test moves its own clock: no timer runs behind its back.
      retryLocally: false,
    });
    const advance = (ms: number) => {
      now = new Date(now.getTime() + ms);
    };
    return { store, dispatcher, recorded, advance };
  }

  it('backs off 1 s, 2 s, 4 s, 4 s, then gives up and says so in the activity log', async () => {
    const attempts: string[] = [];
    const { store, dispatcher, recorded, advance } = await setup(async e => {
      attempts.push(e.id);
      throw new Error('the webhook answered 503');
    });
    await store.add(payload('e1'), ['webhook'], T0);
    expect(await dispatcher.runOnce()).toEqual({
      delivered: 0,
      retried: 1,
      dropped: 0,
    });
    for (const wait of [999, 1]) {
      advance(wait);
      await dispatcher.runOnce();
    }
    expect(attempts).toHaveLength(2);
    advance(2000);
    await dispatcher.runOnce();
    advance(3999);
    await dispatcher.runOnce();
    expect(attempts).toHaveLength(3);
    advance(1);
    expect(await dispatcher.runOnce()).toMatchObject({ dropped: 1 });
    expect(attempts).toHaveLength(4);
    expect(await store.pending()).toMatchObject({ webhook: 0 });
    expect(recorded).toEqual([
      expect.objectContaining({
        type: 'admin.outbound-failed',
        message: expect.stringMatching(
          /computer\.enrolled event \(e1\).*webhook channel after 4 attempts: the webhook answered 503/,
        ),
      }),
    ]);
    dispatcher.close();
  });

  it('drops what a channel no longer configured was queued for', async () => {
    const { store, dispatcher } = await setup(async () => undefined);
    await store.add(payload('e1'), ['notifications', 'webhook'], T0);
    expect(await dispatcher.runOnce()).toEqual({
      delivered: 1,
      retried: 0,
      dropped: 1,
    });
  });

  it('retries in this process until every failed event went out, without the scheduled task', async () => {
    const knex = await migrated(await databases.init('SQLITE_3'));
    const store = new DatabaseOutboundEventStore(knex);
    const delivered: string[] = [];
    let failures = 2;
    // A receiver down for the first two deliveries: each event fails once,
    // the second a moment after the first, so its retry is due later.
    const dispatcher = new OutboundDispatcher({
      store,
      channels: {
        webhook: async e => {
          if (failures-- > 0) throw new Error('the webhook answered 503');
          delivered.push(e.id);
        },
      },
      activity: { record: async () => undefined },
      logger: mockServices.logger.mock(),
      retry: {
        initialRetryMs: 20,
        maxRetryMs: 1000,
        maxAttempts: 5,
        leaseMs: 60_000,
      },
    });
    try {
      await store.add(payload('e1'), ['webhook'], new Date());
      await store.add(payload('e2'), ['webhook'], new Date());
      dispatcher.kick();
      await eventually(
        () => delivered,
        ids => ids.length === 2,
        'both events delivered by the local retries',
        10_000,
      );
      expect(delivered).toEqual(['e1', 'e2']);
    } finally {
      dispatcher.close();
    }
  });
});
