// @ts-check

/**
 * The certificate authority the plugin generates when none is configured.
 * One row, keyed 'default', so that replicas racing at start-up agree on one CA.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('enrollment_ca', table => {
    table.comment('The generated certificate authority (one row)');
    table.string('id', 32).primary();
    table.text('certificate_pem').notNullable();
    table.text('private_key_pem').notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('enrollment_ca');
};
