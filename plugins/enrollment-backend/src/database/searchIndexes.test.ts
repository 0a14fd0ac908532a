import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { createTestDatabases, testDatabaseIds } from '@internal/test-harness';
import { Knex } from 'knex';
import { migrated, newInvitation } from '../__testUtils__/stores';
import { DatabaseEventStore } from './DatabaseEventStore';
import { DatabaseInvitationStore } from './DatabaseInvitationStore';
import { countMatches } from './listCount';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const directory = resolvePackagePath(
  '@macenroll/plugin-enrollment-backend',
  'migrations',
);
const MIGRATION = '20261207140000_search_indexes.js';
const TRIGRAM_INDEXES = [
  'enrollment_events_actor_trgm_idx',
  'enrollment_events_message_trgm_idx',
  'enrollment_recipients_email_trgm_idx',
];
const isPg = (knex: Knex) => knex.client.config.client === 'pg';

async function trigramIndexes(knex: Knex): Promise<string[]> {
  if (isPg(knex)) {
    const { rows } = await knex.raw(
      `SELECT indexname FROM pg_indexes
       WHERE schemaname = current_schema() AND indexname LIKE '%trgm_idx'
       ORDER BY indexname`,
    );
    return rows.map((r: { indexname: string }) => r.indexname);
  }
  const rows = await knex.raw(
    `SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE '%trgm%'`,
  );
  return rows.map((r: { name: string }) => r.name);
}

const page = (query: object = {}) => ({
  offset: 0,
  limit: 25,
  orderBy: 'createdAt' as const,
  order: 'desc' as const,
  ...query,
});

describe.each(testDatabaseIds(databases))('search indexes on %s', id => {
  it('creates the trigram indexes on PostgreSQL only, and migrates down and up again', async () => {
    const knex = await migrated(await databases.init(id));
    const expected = isPg(knex) ? TRIGRAM_INDEXES : [];
    expect(await trigramIndexes(knex)).toEqual(expected);
    await knex.migrate.down({ directory, name: MIGRATION });
    expect(await trigramIndexes(knex)).toEqual([]);
    await knex.migrate.latest({ directory });
    expect(await trigramIndexes(knex)).toEqual(expected);
  });

  it('skips the trigram indexes where pg_trgm cannot be created, without failing', async () => {
    const knex = await migrated(await databases.init(id));
    if (!isPg(knex)) return;
    await knex.migrate.down({ directory, name: MIGRATION });
    await knex.raw('DROP EXTENSION IF EXISTS pg_trgm');
    // The migration as a role without CREATE on the database, in a
    // transaction rolled back at the end (the role goes with it).
    const trx = await knex.transaction();
    try {
      const role = `enrollment_noext_${Date.now()}`;
      await trx.raw(`CREATE ROLE ${role}`);
      await trx.raw(`GRANT SELECT ON ALL TABLES IN SCHEMA public TO ${role}`);
      await trx.raw(`SET LOCAL ROLE ${role}`);
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const migration = require(`${directory}/${MIGRATION}`);
      await expect(migration.up(trx)).resolves.toBeUndefined();
      // The migration's transaction is still usable.
      expect(await trigramIndexes(trx)).toEqual([]);
      await trx.raw('RESET ROLE');
    } finally {
      await trx.rollback();
    }
    // The searches still work, scanning.
    const store = new DatabaseEventStore(knex);
    await store.record({ type: 'admin.x', message: 'Found me' });
    expect((await store.list(page({ search: 'und m' }))).totalCount).toBe(1);
  });

  it('finds substrings with wildcards and backslashes through the trigram indexes', async () => {
    const knex = await migrated(await databases.init(id));
    const invitations = new DatabaseInvitationStore(knex);
    const events = new DatabaseEventStore(knex);
    const weird = await invitations.create(
      newInvitation({ recipients: ['A_b%C\\d@Example.com'] }),
    );
    await invitations.create(
      newInvitation({ recipients: ['axbxc@example.com'] }),
    );
    await events.record({
      type: 'admin.x',
      actor: 'Ann_O%Ne',
      message: 'Path C:\\Temp\\100%_done',
    });
    await events.record({ type: 'admin.y', message: 'Path C:Temp100xdone' });
    const now = new Date();
    const check = async (db: Knex) => {
      const inv = new DatabaseInvitationStore(db);
      const ev = new DatabaseEventStore(db);
      const ids = async (search: string) =>
        (await inv.list(page({ search }), now)).items.map(i => i.id);
      const types = async (search: string) =>
        (await ev.list(page({ search }))).items.map(e => e.type);
      expect(await ids('b%c\\d@exa')).toEqual([weird.id]);
      expect(await ids('A_B')).toEqual([weird.id]);
      expect(await ids('a_b%c\\d@example.com')).toEqual([weird.id]);
      expect(await types('\\temp\\100%_')).toEqual(['admin.x']);
      expect(await types('n_o%n')).toEqual(['admin.x']);
      expect(await types('100xdone')).toEqual(['admin.y']);
    };
    await check(knex);
    // Again with the planner made to use the indexes on these few rows.
    const plan = isPg(knex)
      ? await knex.transaction(async trx => {
          await trx.raw('SET LOCAL enable_seqscan = off');
          await check(trx);
          const { rows } = await trx.raw(
            `EXPLAIN SELECT 1 FROM enrollment_events WHERE lower(message) LIKE '%temp%'`,
          );
          return JSON.stringify(rows);
        })
      : 'no index on SQLite: enrollment_events_message_trgm_idx';
    expect(plan).toMatch(/enrollment_events_message_trgm_idx/);
  });

  it('counts exactly up to the limit, and estimates beyond it on PostgreSQL', async () => {
    const knex = await migrated(await databases.init(id));
    const invitations = new DatabaseInvitationStore(knex, {
      exactCountLimit: 3,
    });
    const events = new DatabaseEventStore(knex, { exactCountLimit: 3 });
    for (let i = 0; i < 5; i++) {
      await invitations.create(
        newInvitation({
          recipients: [`person${i}@example.com`],
          createdAt: new Date(Date.now() + i * 1000),
        }),
      );
      await events.record({ type: 'admin.x', message: `event ${i}` });
    }
    await knex.raw('ANALYZE');
    const now = new Date();
    const estimated = isPg(knex);

    const all = await invitations.list(page({ limit: 2 }), now);
    expect(all.items).toHaveLength(2);
    // Through the search's many-matches path as well.
    const searched = await invitations.list(
      page({ search: 'person', offset: 4 }),
      now,
    );
    expect(searched.items.map(i => i.recipients)).toEqual([
      ['person0@example.com'],
    ]);
    const allEvents = await events.list({ offset: 0, limit: 2 });
    // A page past the limit: read with OFFSET.
    const lastEvents = await events.list({ offset: 3, limit: 2 });
    expect(lastEvents.items.map(e => e.message)).toEqual([
      'event 1',
      'event 0',
    ]);
    for (const total of [all, searched, allEvents, lastEvents]) {
      // Estimated: at least the limit + 1 and the rows up to the page's end.
      expect([
        total.totalCountIsEstimate,
        estimated ? total.totalCount >= 5 : total.totalCount,
      ]).toEqual(estimated ? [true, true] : [undefined, 5]);
    }
    // Up to the limit, exact on both.
    const few = await invitations.list(page({ search: 'person1' }), now);
    expect(few).toMatchObject({ totalCount: 1 });
    expect(few.totalCountIsEstimate).toBeUndefined();
    const fewEvents = await events.list({
      offset: 0,
      limit: 2,
      search: 'nt 3',
    });
    expect(fewEvents.totalCount).toBe(1);
    expect(fewEvents.totalCountIsEstimate).toBeUndefined();
    const three = await countMatches(knex, knex('enrollment_events').limit(1), {
      atLeast: 0,
      limit: 5,
    });
    expect(three).toEqual({ totalCount: 5 });
  });
});
