// @ts-check

/**
 * The public portal: local accounts, sessions, login throttling, settings,
 * download tokens and the enrollments a portal login starts.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('enrollment_portal_accounts', table => {
    table.comment('Local portal accounts (from config or added by admins)');
    table.string('username', 255).primary();
    table.text('password_hash').notNullable();
    table.boolean('disabled').notNullable().defaultTo(false);
    table.string('source', 16).notNullable(); // 'config' | 'admin'
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
  });

  await knex.schema.createTable('enrollment_portal_sessions', table => {
    table.comment('Portal sessions; the cookie holds the id, the table its SHA-256');
    table.string('id_hash', 64).primary();
    table.string('csrf_token', 64).notNullable();
    table.string('invitation_id', 36).nullable();
    // JSON: who logged in, the chosen directory user, accepted EULA, site.
    table.text('state').notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('expires_at', { useTz: true }).notNullable();
    table.index(['expires_at'], 'enrollment_portal_sessions_expires_idx');
  });

  await knex.schema.createTable('enrollment_login_failures', table => {
    table.comment('Failed portal logins per user and per address, for throttling');
    table.string('key', 320).primary(); // 'user:<name>' or 'ip:<address>'
    table.integer('failures').notNullable();
    table.timestamp('window_start', { useTz: true }).notNullable();
    table.timestamp('locked_until', { useTz: true }).nullable();
  });

  await knex.schema.createTable('enrollment_settings', table => {
    table.comment('Enrollment settings edited by admins (one row)');
    table.string('id', 32).primary();
    table.text('settings').notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.string('updated_by', 255).nullable();
  });

  await knex.schema.createTable('enrollment_enrollments', table => {
    table.comment('An enrollment started at the portal, until the Mac checks in');
    table.string('id', 36).primary();
    table.string('session_id_hash', 64).notNullable();
    table.string('invitation_id', 36).nullable();
    table.string('site_id', 36).nullable();
    table.boolean('keep_existing_site').notNullable().defaultTo(false);
    table.string('login_kind', 16).notNullable(); // 'ldap' | 'local' | 'none'
    table.string('login_name', 255).nullable();
    // JSON ComputerUser: the user and location fields for the computer.
    table.text('user').notNullable();
    table.string('platform', 32).notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('expires_at', { useTz: true }).notNullable();
    table.timestamp('completed_at', { useTz: true }).nullable();
    table.index(['session_id_hash'], 'enrollment_enrollments_session_idx');
  });

  await knex.schema.createTable('enrollment_download_tokens', table => {
    table.comment('Short-lived single-purpose download tokens bound to a portal session');
    table.string('token_hash', 64).primary();
    table.string('session_id_hash', 64).notNullable();
    table.string('enrollment_id', 36).notNullable();
    table.string('purpose', 16).notNullable(); // 'ca' | 'profile' | 'quickadd'
    table.timestamp('expires_at', { useTz: true }).notNullable();
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('enrollment_download_tokens');
  await knex.schema.dropTable('enrollment_enrollments');
  await knex.schema.dropTable('enrollment_settings');
  await knex.schema.dropTable('enrollment_login_failures');
  await knex.schema.dropTable('enrollment_portal_sessions');
  await knex.schema.dropTable('enrollment_portal_accounts');
};
