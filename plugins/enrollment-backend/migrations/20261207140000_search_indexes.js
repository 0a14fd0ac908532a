// @ts-check

/**
 * Indexes for the admin lists' text search on PostgreSQL: trigram (pg_trgm)
 * GIN indexes on the expressions the searches filter with
 * (`LOWER(message) LIKE '%…%'`, `LOWER(actor) …`, `email_lower …`).
 *
 * pg_trgm is a trusted extension (PostgreSQL 13 and later): a database
 * owner may create it. Where it cannot be created (an older server, or a
 * role without the right), the trigram indexes are skipped and the searches
 * scan, as before; the plugin works either way. The extension is left in
 * place by `down` (something else in the database may use it).
 *
 * SQLite: nothing (it has no trigram index; its searches scan).
 */

/** [index name, table, indexed expression] */
const TRIGRAM_INDEXES = [
  ['enrollment_events_message_trgm_idx', 'enrollment_events', 'lower(message)'],
  ['enrollment_events_actor_trgm_idx', 'enrollment_events', 'lower(actor)'],
  [
    'enrollment_recipients_email_trgm_idx',
    'enrollment_recipients',
    'email_lower',
  ],
];

/**
 * Runs `sql` in a savepoint (a nested transaction), so that its failure
 * leaves the migration's transaction usable; whether it worked.
 *
 * @param {import('knex').Knex} knex
 * @param {string} sql
 * @param {readonly string[]} [bindings]
 */
async function tryRaw(knex, sql, bindings = []) {
  try {
    await knex.transaction(trx => trx.raw(sql, bindings));
    return true;
  } catch {
    return false;
  }
}

/**
 * The schema pg_trgm is installed in, or undefined without it.
 *
 * @param {import('knex').Knex} knex
 * @returns {Promise<string | undefined>}
 */
async function trigramSchema(knex) {
  const { rows } = await knex.raw(
    `SELECT n.nspname AS schema FROM pg_extension e
       JOIN pg_namespace n ON n.oid = e.extnamespace
     WHERE e.extname = 'pg_trgm'`,
  );
  return rows[0]?.schema;
}

/**
 * Creates pg_trgm where the role may, then the trigram indexes (PostgreSQL).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  if (knex.client.config.client !== 'pg') return;
  await tryRaw(knex, 'CREATE EXTENSION IF NOT EXISTS pg_trgm');
  const schema = await trigramSchema(knex);
  if (!schema) return;
  // The operator class is named with the extension's schema, which need not
  // be on this plugin's search_path (with a schema per plugin, another
  // plugin may have created the extension in its own).
  const opclass = `${knex.raw('??', [schema]).toQuery()}.gin_trgm_ops`;
  for (const [name, table, expression] of TRIGRAM_INDEXES) {
    await tryRaw(
      knex,
      `CREATE INDEX IF NOT EXISTS ?? ON ?? USING gin (${expression} ${opclass})`,
      [name, table],
    );
  }
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  if (knex.client.config.client !== 'pg') return;
  for (const [name] of TRIGRAM_INDEXES) {
    await knex.raw('DROP INDEX IF EXISTS ??', [name]);
  }
};
