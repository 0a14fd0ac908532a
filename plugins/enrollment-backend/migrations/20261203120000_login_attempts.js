// @ts-check

/**
 * Portal login throttling counts attempts, reserved before a password is
 * checked, instead of failures recorded after: a burst of concurrent tries
 * could all pass a "locked?" check before any failure was recorded. The
 * counts are short-lived throttling state, so the old table is dropped
 * rather than carried over (at worst a running lockout ends early).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('enrollment_login_attempts', table => {
    table.comment(
      'Portal login attempts per user, directory entry and address, for throttling',
    );
    // 'user:<folded name>', 'dn:<folded DN>' or 'ip:<address>'
    table.string('key', 320).primary();
    table.integer('attempts').notNullable();
    table.timestamp('window_start', { useTz: true }).notNullable();
    table.timestamp('locked_until', { useTz: true }).nullable();
  });
  await knex.schema.dropTable('enrollment_login_failures');
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.createTable('enrollment_login_failures', table => {
    table.comment(
      'Failed portal logins per user and per address, for throttling',
    );
    table.string('key', 320).primary(); // 'user:<name>' or 'ip:<address>'
    table.integer('failures').notNullable();
    table.timestamp('window_start', { useTz: true }).notNullable();
    table.timestamp('locked_until', { useTz: true }).nullable();
  });
  await knex.schema.dropTable('enrollment_login_attempts');
};
