/* eslint-disable no-console */
import knexFactory, { Knex } from 'knex';

const PG = process.env.BENCH_POSTGRES ?? 'postgresql://postgres@127.0.0.1:5432';

/**
 * Runs `bench` on a throw-away PostgreSQL database (dropped afterwards)
 * and on an in-memory SQLite.
 */
export async function onBenchDatabases(
  bench: (name: string, knex: Knex) => Promise<void>,
): Promise<void> {
  const dbName = `enrollment_bench_${Date.now()}`;
  const admin = knexFactory({ client: 'pg', connection: `${PG}/postgres` });
  try {
    await admin.raw(`CREATE DATABASE ${dbName}`);
  } catch (error) {
    await admin.destroy();
    throw new Error(
      `PostgreSQL is needed at ${PG} for the benchmark: ${error}`,
    );
  }
  const pg = knexFactory({
    client: 'pg',
    connection: `${PG}/${dbName}`,
    pool: { min: 1, max: 4 },
  });
  try {
    await bench('PostgreSQL', pg);
  } finally {
    await pg.destroy();
    await admin.raw(`DROP DATABASE IF EXISTS ${dbName}`);
    await admin.destroy();
  }
  const sqlite = knexFactory({
    client: 'better-sqlite3',
    connection: ':memory:',
    useNullAsDefault: true,
  });
  try {
    await bench('SQLite (in memory)', sqlite);
  } finally {
    await sqlite.destroy();
  }
}
