/* eslint-disable no-console */
// Benchmark: the activity log's pages among 300,000 events (a busy year).
import { performance } from 'node:perf_hooks';
import { Knex } from 'knex';
import { DatabaseEventStore } from '../src/database/DatabaseEventStore';
import { time } from './timing';

const COUNT = Number(process.env.BENCH_EVENTS ?? 300_000);

const TYPES = [
  'portal.login-succeeded',
  'portal.login-failed',
  'portal.enrollment-started',
  'scep.issued',
  'mdm.authenticate',
  'mdm.enrolled',
  'invitation.created',
  'invitation.delivery-failed',
  'admin.settings-update',
];

async function seed(knex: Knex) {
  await knex.migrate.latest({ directory: `${__dirname}/../migrations` });
  const start = Date.now() - COUNT * 100_000;
  const chunk = 2000;
  for (let i = 0; i < COUNT; i += chunk) {
    const rows = [];
    for (let j = i; j < Math.min(COUNT, i + chunk); j++) {
      const type = TYPES[j % TYPES.length];
      rows.push({
        type,
        actor: type.startsWith('portal') ? `person${j % 5000}` : null,
        invitation_id: `invitation-${j % 20_000}`,
        computer_id: type.startsWith('mdm') ? `computer-${j % 8000}` : null,
        message: `${type} number ${j} for person${j % 5000}`,
        data: null,
        created_at: new Date(start + j * 100_000),
      });
    }
    await knex.batchInsert('enrollment_events', rows, 500);
  }
  if (knex.client.config.client === 'pg') await knex.raw('ANALYZE');
}

export async function benchEventList(name: string, knex: Knex) {
  const t0 = performance.now();
  await seed(knex);
  console.log(
    `${name}: seeded ${COUNT} events in ${(
      (performance.now() - t0) /
      1000
    ).toFixed(1)} s`,
  );
  const store = new DatabaseEventStore(knex);
  const page = { offset: 0, limit: 25 };
  await time('activity: first page, newest first', () => store.list(page));
  await time('activity: page 100 (offset 2,475)', () =>
    store.list({ ...page, offset: 2475 }),
  );
  await time('activity: category = portal', () =>
    store.list({ ...page, category: 'portal' }),
  );
  await time('activity: one invitation', () =>
    store.list({ ...page, invitationId: 'invitation-4242' }),
  );
  await time('activity: one computer', () =>
    store.list({ ...page, computerId: 'computer-4242' }),
  );
  await time('activity: search "person4242"', () =>
    store.list({ ...page, search: 'person4242' }),
  );
}
