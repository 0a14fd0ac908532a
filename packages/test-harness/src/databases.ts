import knexFactory from 'knex';
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

/**
 * Drops every database on the PostgreSQL server at `connection` whose name
 * starts with `prefix`: what a backend with `backend.database.prefix` made.
 */
export async function dropDatabasesWithPrefix(
  connection: string,
  prefix: string,
): Promise<void> {
  const admin = knexFactory({
    client: 'pg',
    connection: `${connection}/postgres`,
  });
  try {
    const { rows } = await admin.raw(
      'SELECT datname FROM pg_database WHERE datname LIKE ?',
      [`${prefix.replace(/[\\%_]/g, c => `\\${c}`)}%`],
    );
    for (const { datname } of rows as { datname: string }[]) {
      await admin.raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [datname]);
    }
  } finally {
    await admin.destroy();
  }
}
