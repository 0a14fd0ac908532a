// @ts-check

/**
 * The directory groups of the person who started an enrollment, read at
 * portal login: a member of the re-enrollment settings' authorized groups
 * may re-enroll any Mac while re-enrollment is restricted. JSON, null when
 * the login read no groups.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('enrollment_enrollments', table => {
    table.text('login_groups').nullable();
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('enrollment_enrollments', table => {
    table.dropColumn('login_groups');
  });
};
