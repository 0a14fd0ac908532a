import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { createTestDatabases } from '@internal/test-harness';
import { enrollmentPlugin } from '../plugin';
import { applyMigrations } from './migrations';

jest.setTimeout(120_000);
const databases = createTestDatabases();

// Replicas of a fresh install start at once: knex's own tables and lock
// race, which once failed the plugin's start (and a real backend then
// listened without it, answering 404 for ever).
it('starts two plugin instances together on an empty PostgreSQL database, each time', async () => {
  const outcomes: string[] = [];
  for (let i = 0; i < 3; i++) {
    const knex = await databases.init('POSTGRES_15');
    const start = () =>
      startTestBackend({
        features: [
          enrollmentPlugin,
          mockServices.database.factory({ knex }),
          mockServices.rootConfig.factory({
            data: {
              enrollment: {
                portal: {
                  localAccounts: [
                    { username: 'pat', password: 'pat-password-123' },
                  ],
                },
              },
            },
          }),
        ],
      });
    const backends = await Promise.allSettled([start(), start()]);
    outcomes.push(
      backends
        .map(b => (b.status === 'fulfilled' ? 'started' : String(b.reason)))
        .join(', '),
    );
    await Promise.all(
      backends.map(b =>
        b.status === 'fulfilled' ? b.value.stop() : undefined,
      ),
    );
    const [{ n }] = await knex('enrollment_ca').count({ n: '*' });
    expect(Number(n)).toBe(1);
  }
  expect(outcomes).toEqual(Array(3).fill('started, started'));
});

// The race's other outcome, made on purpose: both replicas inserted knex's
// one lock row, after which no replica could ever take the lock (seen in
// the fault tests: both replicas "Migration table is already locked" for
// two minutes, then failed).
it('migrates when replicas left two rows in the lock table', async () => {
  const knex = await databases.init('POSTGRES_15');
  await knex.schema.createTable('knex_migrations_lock', table => {
    table.increments('index').primary();
    table.integer('is_locked');
  });
  await knex('knex_migrations_lock').insert([
    { is_locked: 0 },
    { is_locked: 0 },
  ]);
  // knex alone cannot take its lock now.
  await expect(
    knex.migrate.latest({
      directory: resolvePackagePath(
        '@macenroll/plugin-enrollment-backend',
        'migrations',
      ),
    }),
  ).rejects.toThrow(/already locked/);

  await applyMigrations(mockServices.database({ knex }));
  expect(await knex('knex_migrations_lock').select('is_locked')).toEqual([
    { is_locked: 0 },
  ]);
  expect(await knex.schema.hasTable('enrollment_invitations')).toBe(true);
});
