import { randomUUID } from 'node:crypto';
import { createTestDatabases, testDatabaseIds } from '@internal/test-harness';
import { ComputerStatus } from '@macenroll/plugin-enrollment-common';
import { Knex } from 'knex';
import { migrated } from '../__testUtils__/stores';
import { DatabaseComputerStore } from './DatabaseComputerStore';

jest.setTimeout(60_000);

const databases = createTestDatabases();

async function insertComputer(
  knex: Knex,
  name: string,
  status: ComputerStatus,
  enrolledAt: Date | null,
) {
  const now = new Date();
  await knex('enrollment_computers').insert({
    id: randomUUID(),
    udid: randomUUID().toUpperCase(),
    name,
    status,
    enrolled_at: enrolledAt,
    created_at: now,
    updated_at: now,
  });
}

describe.each(testDatabaseIds(databases))('ComputerStore on %s', id => {
  it('lists only the computers in the status asked for, counting them alone', async () => {
    const knex = await migrated(await databases.init(id));
    const store = new DatabaseComputerStore(knex);
    const t0 = new Date('2026-12-01T10:00:00Z');
    await insertComputer(knex, 'Enrolled one', 'enrolled', t0);
    await insertComputer(
      knex,
      'Enrolled two',
      'enrolled',
      new Date(t0.getTime() + 60_000),
    );
    await insertComputer(knex, 'Still enrolling', 'enrolling', null);
    await insertComputer(knex, 'Checked out', 'unenrolled', t0);

    const enrolled = await store.list({
      offset: 0,
      limit: 1,
      status: 'enrolled',
    });
    expect(enrolled.totalCount).toBe(2);
    expect(enrolled.items.map(c => [c.name, c.status])).toEqual([
      ['Enrolled two', 'enrolled'],
    ]);
    const next = await store.list({ offset: 1, limit: 1, status: 'enrolled' });
    expect(next.items.map(c => c.name)).toEqual(['Enrolled one']);

    const unenrolled = await store.list({
      offset: 0,
      limit: 100,
      status: 'unenrolled',
    });
    expect(unenrolled.items.map(c => c.name)).toEqual(['Checked out']);
    // Without a status, every computer.
    expect((await store.list({ offset: 0, limit: 100 })).totalCount).toBe(4);
  });
});
