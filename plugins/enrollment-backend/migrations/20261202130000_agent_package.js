// @ts-check

/**
 * The management agent package InstallEnterpriseApplication installs after
 * enrollment: one row describing it, and an uploaded package's bytes in
 * 1 MiB pieces, so that a download streams piece by piece and a replacement
 * never mixes the pieces of two packages (each upload has its own content_id).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('enrollment_agent_package', table => {
    table.comment('The current management agent package (one row)');
    table.string('id', 16).primary();
    table.string('source', 16).notNullable(); // upload | url
    // url: where Macs download the package (source url only).
    table.text('url').nullable();
    table.string('file_name', 255).nullable();
    table.string('bundle_id', 255).notNullable();
    table.string('bundle_version', 255).notNullable();
    table.string('title', 255).nullable();
    table.bigInteger('size').notNullable();
    table.string('sha256', 64).notNullable();
    table.boolean('signed').notNullable();
    table.boolean('distribution').notNullable();
    // The manifest plist XML; the package URL in it is set when it is served.
    table.text('manifest').notNullable();
    table.string('content_id', 36).nullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
  });

  await knex.schema.createTable('enrollment_agent_package_chunks', table => {
    table.comment('The bytes of an uploaded agent package, in order');
    table.string('content_id', 36).notNullable();
    table.integer('seq').notNullable();
    // bytea on PostgreSQL, blob on SQLite; MySQL's blob holds only 64 KiB.
    if (/mysql/.test(String(knex.client.config.client))) {
      table.specificType('data', 'longblob').notNullable();
    } else {
      table.binary('data').notNullable();
    }
    table.primary(['content_id', 'seq']);
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('enrollment_agent_package_chunks');
  await knex.schema.dropTable('enrollment_agent_package');
};
