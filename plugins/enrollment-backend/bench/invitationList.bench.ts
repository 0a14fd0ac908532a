/* eslint-disable no-console */
// Benchmark: listing invitations among 1,000,000 on PostgreSQL (and SQLite).
// Run with `npm run bench` from the repository root (bench/index.ts).
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { Knex } from 'knex';
import { DatabaseInvitationStore } from '../src/database/DatabaseInvitationStore';
import { DatabaseSiteStore } from '../src/database/DatabaseSiteStore';
import { SiteFilter } from '../src/database/siteFilter';
import { time } from './timing';

const COUNT = Number(process.env.BENCH_INVITATIONS ?? 1_000_000);
/** Rows per INSERT … SELECT statement. */
const CHUNK = 250_000;

/**
 * SQL for the numbers from..to-1 as `s(j)`: generate_series on PostgreSQL, a
 * recursive common table expression on SQLite (put before the INSERT).
 */
export function series(
  pg: boolean,
  from: number,
  to: number,
): { with: string; from: string } {
  return pg
    ? { with: '', from: `generate_series(${from}::bigint, ${to - 1}) AS s(j)` }
    : {
        with: `WITH RECURSIVE s(j) AS (SELECT ${from} UNION ALL SELECT j + 1 FROM s WHERE j < ${
          to - 1
        })`,
        from: 's',
      };
}

/** SQL for a date `ms` (an SQL expression in epoch milliseconds) as the stores write it. */
export function dateSql(pg: boolean, ms: string): string {
  // Knex writes a Date to SQLite as its epoch milliseconds.
  return pg ? `to_timestamp((${ms}) / 1000.0)` : `(${ms})`;
}

/**
 * Seeds COUNT invitations, one a minute up to now, with 1 to 3 recipients
 * each, in a few INSERT … SELECT statements (the same rows on both databases
 * but for the ids).
 */
export async function seedInvitations(knex: Knex): Promise<string[]> {
  await knex.migrate.latest({ directory: `${__dirname}/../migrations` });
  const pg = knex.client.config.client === 'pg';
  const sites = new DatabaseSiteStore(knex);
  const siteIds = [];
  for (const name of ['Berlin', 'Paris', 'Tokyo', 'Austin'])
    siteIds.push((await sites.create(name)).id);
  const start = Date.now() - COUNT * 60_000;
  const bool = (sql: string) =>
    pg ? `(${sql})` : `(CASE WHEN ${sql} THEN 1 ELSE 0 END)`;
  // 3 of 8 sent, then pending, partially-sent, failed, used, cancelled.
  const status = `(CASE j % 8 WHEN 3 THEN 'pending' WHEN 4 THEN 'partially-sent' WHEN 5 THEN 'failed' WHEN 6 THEN 'used' WHEN 7 THEN 'cancelled' ELSE 'sent' END)`;
  const n = '(1 + j % 3)';
  const id = pg
    ? `md5('invitation' || j)::uuid::text`
    : `printf('%08x-%04x-4%03x-8%03x-%012x', (j * 2654435761) % 4294967296, j % 65536, j % 4096, (j * 7) % 4096, j)`;
  for (let from = 0; from < COUNT; from += CHUNK) {
    const s = series(pg, from, Math.min(COUNT, from + CHUNK));
    await knex.raw(
      `${s.with}
      INSERT INTO enrollment_invitations (id, number, code_nonce, code_hash,
        status, expires_at, require_login, multiple_uses, site_id,
        keep_existing_site, created_by, created_at, cancelled_at, times_used,
        recipient_count, pending_count, sent_count, failed_count)
      SELECT ${id}, j + 1, 'n', ${
        pg ? `lpad(j::text, 64, '0')` : `printf('%064d', j)`
      }, ${status},
        ${dateSql(
          pg,
          `${start} + j * 60000 + (CASE WHEN j % 10 = 0 THEN -86400000 ELSE 2592000000 END)`,
        )},
        ${bool('1 = 1')}, ${bool('j % 5 = 0')},
        CASE WHEN j % 5 = 4 THEN NULL ELSE (CASE j % 4 WHEN 0 THEN ? WHEN 1 THEN ? WHEN 2 THEN ? ELSE ? END) END,
        ${bool('1 = 0')}, 'user:default/admin' || (j % 7),
        ${dateSql(pg, `${start} + j * 60000`)},
        CASE WHEN j % 8 = 7 THEN ${dateSql(pg, `${Date.now()}`)} END,
        CASE WHEN j % 8 = 6 THEN 1 ELSE 0 END,
        ${n}, CASE WHEN j % 8 = 3 THEN ${n} ELSE 0 END,
        CASE WHEN j % 8 = 3 THEN 0 ELSE ${n} END, 0
      FROM ${s.from}`,
      siteIds,
    );
    // Recipients person<j>.<k>@example<j % 50>.com, found by the number.
    await knex.raw(
      `INSERT INTO enrollment_recipients (invitation_id, email, email_lower, state, attempts)
      SELECT id, e, e, CASE WHEN status = 'pending' THEN 'pending' ELSE 'sent' END, 1
      FROM (SELECT i.id, i.status,
          'person' || (i.number - 1) || '.' || k.k || '@example' || ((i.number - 1) % 50) || '.com' AS e
        FROM enrollment_invitations i
        JOIN (SELECT 0 AS k UNION ALL SELECT 1 UNION ALL SELECT 2) k ON k.k < i.recipient_count
        WHERE i.number > ? AND i.number <= ?) r`,
      [from, Math.min(COUNT, from + CHUNK)],
    );
  }
  if (pg) await knex.raw('VACUUM ANALYZE');
  else await knex.raw('ANALYZE');
  return siteIds;
}

export async function benchInvitationList(name: string, knex: Knex) {
  const t0 = performance.now();
  const siteIds = await seedInvitations(knex);
  const [{ n: recipients }] = await knex('enrollment_recipients').count({
    n: '*',
  });
  console.log(
    `${name}: seeded ${COUNT.toLocaleString('en-US')} invitations with ${Number(
      recipients,
    ).toLocaleString('en-US')} recipients in ${(
      (performance.now() - t0) /
      1000
    ).toFixed(1)} s`,
  );
  console.log(
    `  load average before timing: ${loadavg()
      .map(l => l.toFixed(2))
      .join(', ')} (${cpus().length} cores)`,
  );
  const store = new DatabaseInvitationStore(knex);
  const page = {
    offset: 0,
    limit: 25,
    orderBy: 'createdAt' as const,
    order: 'desc' as const,
  };
  const now = new Date();
  const show = async (label: string, query: object, filter?: SiteFilter) => {
    const result = await store.list({ ...page, ...query }, now, filter);
    return `${label} (${result.totalCount.toLocaleString('en-US')}${
      result.totalCountIsEstimate ? ', estimated' : ''
    })`;
  };
  const run = async (label: string, query: object, filter?: SiteFilter) =>
    time(await show(label, query, filter), () =>
      store.list({ ...page, ...query }, now, filter),
    );
  await run('first page, newest first', {});
  await run('page 100 (offset 2,475)', { offset: 2475 });
  await run('page 1,000 (offset 24,975)', { offset: 24_975 });
  await run('status = sent', { status: ['sent'] });
  await run('status = expired', { status: ['expired'] });
  await run('site = Berlin', { siteId: siteIds[0] });
  await run(
    'policy: only sites Paris, Tokyo',
    {},
    {
      siteIds: [siteIds[1], siteIds[2]],
    },
  );
  await run('search recipients "person4242"', { search: 'person4242' });
  await run('search recipients "example7.com"', { search: 'example7.com' });
  await run('search number "#4242"', { search: '#4242' });
  await run('sort by status', { orderBy: 'status' });
}
