/* eslint-disable no-console */
import knexFactory, { Knex } from 'knex';
import { onCleanup } from './cleanup';

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
  // Dropped when the bench ends, fails or is interrupted (Ctrl-C): the pool
  // gets 2 s to close, then FORCE ends a statement still running in it.
  const drop = onCleanup(async () => {
    await Promise.race([
      pg.destroy(),
      new Promise(resolve => setTimeout(resolve, 2000).unref()),
    ]);
    await admin.raw(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.destroy();
  });
  try {
    await bench('PostgreSQL', pg);
  } finally {
    await drop();
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
