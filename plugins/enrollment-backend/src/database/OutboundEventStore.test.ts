import { EnrollmentEventPayload } from '@macenroll/plugin-enrollment-common';
import { createTestDatabases, testDatabaseIds } from '@internal/test-harness';
import { migrated } from '../__testUtils__/stores';
import { DatabaseOutboundEventStore } from './DatabaseOutboundEventStore';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const T0 = new Date('2026-12-08T10:00:00Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

function event(id: string, type = 'computer.enrolled'): EnrollmentEventPayload {
  return {
    id,
    type: type as EnrollmentEventPayload['type'],
    occurredAt: T0.toISOString(),
    computer: {
      id: 'c1',
      udid: 'U1',
      status: 'enrolled',
      user: {},
      site: null,
    },
  };
}

describe.each(testDatabaseIds(databases))('OutboundEventStore on %s', id => {
  async function setup() {
    const knex = await migrated(await databases.init(id));
    return { knex, store: new DatabaseOutboundEventStore(knex) };
  }
  const claim = (
    store: DatabaseOutboundEventStore,
    claimId: string,
    now = T0,
    limit = 10,
  ) => store.claimDue({ now, limit, leaseMs: 60_000, claimId });

  it('queues one row per channel and hands each to one worker, in order', async () => {
    const { store } = await setup();
    await store.add(event('e1'), ['events', 'webhook'], at(0));
    await store.add(event('e2', 'computer.unenrolled'), ['events'], at(1));
    expect(await store.pending()).toEqual({
      events: 2,
      notifications: 0,
      webhook: 1,
    });

    // Two replicas claim at the same moment: every row goes to exactly one.
    const [a, b] = await Promise.all([
      claim(store, 'worker-a', at(2)),
      claim(store, 'worker-b', at(2)),
    ]);
    const rows = [...a, ...b];
    expect(rows).toHaveLength(3);
    expect(new Set(rows.map(r => r.id)).size).toBe(3);
    const events = rows.filter(r => r.channel === 'events');
    expect(events.map(r => r.payload.id).sort()).toEqual(['e1', 'e2']);
    // Held: nobody else gets them during the lease.
    expect(await claim(store, 'worker-c', at(3))).toEqual([]);

    for (const row of rows) await store.delivered(row);
    expect(await store.pending()).toEqual({
      events: 0,
      notifications: 0,
      webhook: 0,
    });
  });

  it('retries later with the attempt counted; a lapsed lease frees the row; a stale worker changes nothing', async () => {
    const { store } = await setup();
    await store.add(event('e1'), ['webhook'], at(0));
    expect(await store.nextDue()).toEqual(at(0));
    const [held] = await claim(store, 'worker-a', at(0));
    // Held by a worker: not waiting for anyone's timer.
    expect(await store.nextDue()).toBeUndefined();
    await store.retry(held, at(30), 'the webhook answered 503');
    expect(await store.nextDue()).toEqual(at(30));
    expect(await claim(store, 'worker-b', at(29))).toEqual([]);
    const [again] = await claim(store, 'worker-b', at(30));
    expect(again).toMatchObject({ attempts: 1, claimId: 'worker-b' });

    // worker-b dies; after its lease worker-c takes the row over.
    const [taken] = await claim(store, 'worker-c', at(30 + 61));
    expect(taken.claimId).toBe('worker-c');
    // worker-b's late outcome does not touch worker-c's claim.
    await store.delivered(again);
    expect((await store.pending()).webhook).toBe(1);
    await store.drop(taken);
    expect((await store.pending()).webhook).toBe(0);
  });
});
