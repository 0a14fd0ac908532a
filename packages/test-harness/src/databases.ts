import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';

const POSTGRES_ENV = 'BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING';

/**
 * The databases every store test runs on: SQLite always, PostgreSQL 15
 * wherever its connection string is set. In CI a missing PostgreSQL is an
 * error, not a skip.
 */
export function createTestDatabases(): TestDatabases {
  if (process.env.CI && !process.env[POSTGRES_ENV]) {
    throw new Error(
      `CI is set but ${POSTGRES_ENV} is not: point it at PostgreSQL 15 (postgresql://postgres@127.0.0.1:5432) so database tests run there too`,
    );
  }
  return TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });
}

/** The database ids the tests will run on, for `it.each`. */
export function testDatabaseIds(databases: TestDatabases): TestDatabaseId[] {
  const ids = databases.eachSupportedId().map(([id]) => id);
  if (process.env[POSTGRES_ENV] && !ids.includes('POSTGRES_15')) {
    throw new Error(`${POSTGRES_ENV} is set but PostgreSQL 15 is not in use`);
  }
  return ids;
}
