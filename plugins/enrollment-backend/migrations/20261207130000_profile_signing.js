// @ts-check

/**
 * A third-party identity (certificate chain and key) that signs enrollment
 * profiles in place of the plugin's own CA, as an admin uploaded it.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('enrollment_profile_signing', table => {
    table.comment(
      'The profile-signing identity an admin uploaded; its key sealed under the CA key',
    );
    table.string('id', 16).primary();
    // The signing certificate, then its intermediates (PEM).
    table.text('certificate_pem').notNullable();
    table.text('private_key_sealed').notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('enrollment_profile_signing');
};
