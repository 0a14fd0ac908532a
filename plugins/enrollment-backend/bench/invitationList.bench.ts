/* eslint-disable no-console */
// Benchmark: listing invitations among 100,000 on PostgreSQL (and SQLite).
// Run with `npm run bench` from the repository root (bench/index.ts).
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Knex } from 'knex';
import { DatabaseInvitationStore } from '../src/database/DatabaseInvitationStore';
import { DatabaseSiteStore } from '../src/database/DatabaseSiteStore';
import { time } from './timing';

const COUNT = Number(process.env.BENCH_INVITATIONS ?? 100_000);

async function seed(knex: Knex): Promise<string[]> {
  await knex.migrate.latest({ directory: `${__dirname}/../migrations` });
  const sites = new DatabaseSiteStore(knex);
  const siteIds = [];
  for (const name of ['Berlin', 'Paris', 'Tokyo', 'Austin'])
    siteIds.push((await sites.create(name)).id);
  const statuses = [
    'sent',
    'sent',
    'sent',
    'pending',
    'partially-sent',
    'failed',
    'used',
    'cancelled',
  ];
  const start = Date.now() - COUNT * 60_000;
  const chunk = 2000;
  for (let i = 0; i < COUNT; i += chunk) {
    const invitations = [];
    const recipients = [];
    for (let j = i; j < Math.min(COUNT, i + chunk); j++) {
      const id = randomUUID();
      const n = 1 + (j % 3);
      const status = statuses[j % statuses.length];
      invitations.push({
        id,
        code_nonce: 'n',
        code_hash: `${id}${j}`.padEnd(64, '0').slice(0, 64),
        status,
        expires_at: new Date(
          start + j * 60_000 + (j % 10 === 0 ? -1 : 30) * 24 * 3600_000,
        ),
        require_login: true,
        multiple_uses: j % 5 === 0,
        site_id: j % 5 === 4 ? null : siteIds[j % 4],
        keep_existing_site: false,
        created_by: `user:default/admin${j % 7}`,
        created_at: new Date(start + j * 60_000),
        cancelled_at: status === 'cancelled' ? new Date() : null,
        times_used: status === 'used' ? 1 : 0,
        recipient_count: n,
        pending_count: status === 'pending' ? n : 0,
        sent_count: status === 'pending' ? 0 : n,
        failed_count: 0,
      });
      for (let k = 0; k < n; k++) {
        const email = `person${j}.${k}@example${j % 50}.com`;
        recipients.push({
          invitation_id: id,
          email,
          email_lower: email,
          state: status === 'pending' ? 'pending' : 'sent',
          attempts: 1,
        });
      }
    }
    await knex.batchInsert('enrollment_invitations', invitations, 500);
    await knex.batchInsert('enrollment_recipients', recipients, 500);
  }
  if (knex.client.config.client === 'pg') await knex.raw('ANALYZE');
  return siteIds;
}

export async function benchInvitationList(name: string, knex: Knex) {
  const t0 = performance.now();
  const siteIds = await seed(knex);
  console.log(
    `${name}: seeded ${COUNT} invitations in ${(
      (performance.now() - t0) /
      1000
    ).toFixed(1)} s`,
  );
  const store = new DatabaseInvitationStore(knex);
  const page = {
    offset: 0,
    limit: 25,
    orderBy: 'createdAt' as const,
    order: 'desc' as const,
  };
  const now = new Date();
  await time('first page, newest first', () => store.list(page, now));
  await time('page 100 (offset 2,475)', () =>
    store.list({ ...page, offset: 2475 }, now),
  );
  await time('status = sent', () =>
    store.list({ ...page, status: ['sent'] }, now),
  );
  await time('status = expired', () =>
    store.list({ ...page, status: ['expired'] }, now),
  );
  await time('site = Berlin', () =>
    store.list({ ...page, siteId: siteIds[0] }, now),
  );
  await time('policy: only sites Paris, Tokyo', () =>
    store.list(page, now, { siteIds: [siteIds[1], siteIds[2]] }),
  );
  await time('search recipients "person4242"', () =>
    store.list({ ...page, search: 'person4242' }, now),
  );
  await time('sort by status', () =>
    store.list({ ...page, orderBy: 'status' }, now),
  );
}
