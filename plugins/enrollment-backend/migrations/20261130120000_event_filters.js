// @ts-check

/**
 * The activity log is listed newest first and filtered by category (a prefix
 * of the type) and by computer.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('enrollment_events', table => {
    table.index(['type'], 'enrollment_events_type_idx');
    table.index(['computer_id'], 'enrollment_events_computer_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('enrollment_events', table => {
    table.dropIndex(['type'], 'enrollment_events_type_idx');
    table.dropIndex(['computer_id'], 'enrollment_events_computer_idx');
  });
};
