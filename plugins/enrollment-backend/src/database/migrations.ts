import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';

const migrationsDir = resolvePackagePath(
  '@macenroll/plugin-enrollment-backend',
  'migrations',
);

/** Brings the plugin's schema up to date unless the operator manages it. */
export async function applyMigrations(
  database: DatabaseService,
): Promise<Knex> {
  const client = await database.getClient();
  if (!database.migrations?.skip) {
    await migrateLatestAmongReplicas(client);
  }
  return client;
}

// Knex creates its bookkeeping tables before it takes its lock, so replicas
// starting together on an empty database collide there ("relation
// knex_migrations already exists"), and one that finds the lock taken gives
// up at once (MigrationLocked). Both mean another replica is migrating.
const LOCK_TABLE = 'knex_migrations_lock';

const MIGRATION_RACE =
  /knex_migrations(_lock)?"? already exists|pg_(type_typname|class_relname)_nsp_index|Migration table is already locked/;

async function migrateLatestAmongReplicas(client: Knex): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await client.migrate.latest({ directory: migrationsDir });
      return;
    } catch (error) {
      const raced =
        (error as Error)?.name === 'MigrationLocked' ||
        MIGRATION_RACE.test(String((error as Error)?.message));
      // About two minutes in all: a long migration of a big table may hold the lock.
      if (!raced || attempt >= 60) throw error;
      await dropDuplicateLockRows(client);
      await new Promise(resolve =>
        setTimeout(resolve, Math.min(attempt, 4) * 500),
      );
    }
  }
}

/**
 * Replicas that create knex's lock table together may each insert its one
 * row (knex selects, then inserts). With two rows the lock can never be
 * taken again: knex's "update … where is_locked = 0" must touch exactly one
 * row, and every replica then reads "Migration table is already locked"
 * for ever. Keeps the first row while no lock is held; a held lock is left.
 */
async function dropDuplicateLockRows(client: Knex): Promise<void> {
  try {
    if (!(await client.schema.hasTable(LOCK_TABLE))) return;
    const rows = await client(LOCK_TABLE)
      .select('index', 'is_locked')
      .orderBy('index');
    if (rows.length < 2 || rows.some(row => Number(row.is_locked))) return;
    await client(LOCK_TABLE)
      .where('index', '>', rows[0].index)
      .andWhere('is_locked', 0)
      .delete();
  } catch {
    // Another replica is at it too, or the database is busy: the next
    // attempt looks again.
  }
}
