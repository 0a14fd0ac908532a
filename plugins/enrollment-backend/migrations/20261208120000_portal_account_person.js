// @ts-check

/**
 * The person a local portal account stands for (Jamf's standard accounts
 * carry a full name and an e-mail): a Mac enrolled with the account is
 * recorded as theirs, so the catalog finds its owner without a directory.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('enrollment_portal_accounts', table => {
    table.string('real_name', 255).nullable();
    table.string('email', 320).nullable();
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('enrollment_portal_accounts', table => {
    table.dropColumn('real_name');
    table.dropColumn('email');
  });
};
