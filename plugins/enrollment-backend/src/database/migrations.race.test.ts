import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { createTestDatabases } from '@internal/test-harness';
import { enrollmentPlugin } from '../plugin';

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
