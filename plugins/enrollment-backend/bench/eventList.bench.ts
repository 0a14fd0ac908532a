/* eslint-disable no-console */
// Benchmark: the activity log's pages among 1,000,000 events (a busy year).
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { Knex } from 'knex';
import { DatabaseEventStore } from '../src/database/DatabaseEventStore';
import { dateSql, series } from './invitationList.bench';
import { time } from './timing';

const COUNT = Number(process.env.BENCH_EVENTS ?? 1_000_000);
/** Rows per INSERT … SELECT statement. */
const CHUNK = 250_000;

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

/**
 * Seeds COUNT events over the last year, in id order, in a few
 * INSERT … SELECT statements.
 */
export async function seedEvents(knex: Knex) {
  await knex.migrate.latest({ directory: `${__dirname}/../migrations` });
  const pg = knex.client.config.client === 'pg';
  const step = Math.floor((365 * 86_400_000) / COUNT);
  const start = Date.now() - COUNT * step;
  const type = `(CASE j % ${TYPES.length} ${TYPES.map(
    (t, i) => `WHEN ${i} THEN '${t}'`,
  ).join(' ')} END)`;
  for (let from = 0; from < COUNT; from += CHUNK) {
    const s = series(pg, from, Math.min(COUNT, from + CHUNK));
    await knex.raw(
      `${s.with}
      INSERT INTO enrollment_events (type, actor, invitation_id, computer_id, message, data, created_at)
      SELECT t, CASE WHEN t LIKE 'portal.%' THEN 'person' || (j % 5000) END,
        'invitation-' || (j % 20000),
        CASE WHEN t LIKE 'mdm.%' THEN 'computer-' || (j % 8000) END,
        t || ' number ' || j || ' for person' || (j % 5000), NULL,
        ${dateSql(pg, `${start} + j * ${step}`)}
      FROM (SELECT j, ${type} AS t FROM ${s.from}) e
      ORDER BY j`,
    );
  }
  if (pg) await knex.raw('VACUUM ANALYZE enrollment_events');
  else await knex.raw('ANALYZE');
}

export async function benchEventList(name: string, knex: Knex) {
  const t0 = performance.now();
  await seedEvents(knex);
  console.log(
    `${name}: seeded ${COUNT.toLocaleString('en-US')} events in ${(
      (performance.now() - t0) /
      1000
    ).toFixed(1)} s`,
  );
  console.log(
    `  load average before timing: ${loadavg()
      .map(l => l.toFixed(2))
      .join(', ')} (${cpus().length} cores)`,
  );
  const store = new DatabaseEventStore(knex);
  const page = { offset: 0, limit: 25 };
  const run = async (label: string, query: object) => {
    const result = await store.list({ ...page, ...query });
    await time(
      `activity: ${label} (${result.totalCount.toLocaleString('en-US')}${
        result.totalCountIsEstimate ? ', estimated' : ''
      })`,
      () => store.list({ ...page, ...query }),
    );
  };
  await run('first page, newest first', {});
  await run('page 100 (offset 2,475)', { offset: 2475 });
  await run('page 1,000 (offset 24,975)', { offset: 24_975 });
  await run('category = portal', { category: 'portal' });
  await run('one invitation', { invitationId: 'invitation-4242' });
  await run('one computer', { computerId: 'computer-4242' });
  await run('search "person4242" (message, actor)', { search: 'person4242' });
  await run('search "login-failed"', { search: 'login-failed' });
  await run('category = mdm, search "person42"', {
    category: 'mdm',
    search: 'person42',
  });
}
