// @ts-check

/**
 * Re-enrollment restricted to authorized users (Jamf's privilege): a local
 * portal account may be allowed to enroll again a Mac recorded as someone
 * else's. The re-enrollment rules themselves live in the settings JSON.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('enrollment_portal_accounts', table => {
    table.boolean('may_reenroll_any_mac').notNullable().defaultTo(false);
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('enrollment_portal_accounts', table => {
    table.dropColumn('may_reenroll_any_mac');
  });
};
