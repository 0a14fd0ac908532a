// @ts-check

/**
 * Device rules: an invitation may be limited to listed serial numbers (its
 * own table: up to 10,000 per invitation, looked up one at a time at
 * Authenticate); sites and invitations may require a minimum macOS and
 * some models (JSON, read whole). An enrollment whose Mac was refused keeps
 * why, so the portal can tell its person.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('enrollment_invitation_serials', table => {
    table
      .string('invitation_id', 36)
      .notNullable()
      .references('id')
      .inTable('enrollment_invitations')
      .onDelete('CASCADE');
    table.string('serial_number', 16).notNullable();
    table.primary(
      ['invitation_id', 'serial_number'],
      'enrollment_invitation_serials_pk',
    );
  });
  await knex.schema.alterTable('enrollment_invitations', table => {
    table.integer('serial_allowlist_count').notNullable().defaultTo(0);
    table.text('device_rules').nullable();
  });
  await knex.schema.alterTable('enrollment_sites', table => {
    table.text('device_rules').nullable();
  });
  await knex.schema.alterTable('enrollment_enrollments', table => {
    table.text('refused_reason').nullable();
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('enrollment_enrollments', table => {
    table.dropColumn('refused_reason');
  });
  await knex.schema.alterTable('enrollment_sites', table => {
    table.dropColumn('device_rules');
  });
  await knex.schema.alterTable('enrollment_invitations', table => {
    table.dropColumn('serial_allowlist_count');
    table.dropColumn('device_rules');
  });
  await knex.schema.dropTable('enrollment_invitation_serials');
};
