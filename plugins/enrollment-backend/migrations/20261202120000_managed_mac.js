// @ts-check

/**
 * What keeps an enrolled Mac managed: the APNs push queue and push state of
 * each computer, the uploaded push certificate, command answers, the
 * identity that escrowed a bootstrap token and identity renewal.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('enrollment_push_queue', table => {
    table.comment('One pending APNs push per computer; more requests before it is sent coalesce into it');
    table.string('computer_id', 36).primary();
    // Requests since the row was created; a push settles only the ones it saw.
    table.integer('requests').notNullable().defaultTo(1);
    table.integer('attempts').notNullable().defaultTo(0);
    table.timestamp('due_at', { useTz: true }).notNullable();
    table.string('claim_id', 36).nullable();
    table.timestamp('claimed_until', { useTz: true }).nullable();
    table.text('last_error').nullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.index(['due_at'], 'enrollment_push_queue_due_idx');
  });

  await knex.schema.createTable('enrollment_push_certificate', table => {
    table.comment('The MDM push certificate an admin uploaded; its key sealed under the CA key');
    table.string('id', 16).primary();
    table.text('certificate_pem').notNullable();
    table.text('private_key_sealed').notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
  });

  await knex.schema.alterTable('enrollment_computers', table => {
    // Apple answered 410 Unregistered for the token; no pushes until a new TokenUpdate.
    table.timestamp('push_token_dead_at', { useTz: true }).nullable();
    table.timestamp('last_push_at', { useTz: true }).nullable();
    table.text('last_push_error').nullable();
    // Only the identity that escrowed the bootstrap token may read it back.
    table.string('bootstrap_token_sha256', 64).nullable();
    // The InstallProfile that renews the identity, while it is under way.
    table.timestamp('renewal_requested_at', { useTz: true }).nullable();
  });

  await knex.schema.alterTable('enrollment_commands', table => {
    table.timestamp('answered_at', { useTz: true }).nullable();
    table.text('error_text').nullable();
  });

  await knex.schema.alterTable('enrollment_scep_challenges', table => {
    // A renewal challenge: the identity it issues belongs to this computer.
    table.string('computer_id', 36).nullable();
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('enrollment_scep_challenges', table => {
    table.dropColumn('computer_id');
  });
  await knex.schema.alterTable('enrollment_commands', table => {
    table.dropColumn('answered_at');
    table.dropColumn('error_text');
  });
  await knex.schema.alterTable('enrollment_computers', table => {
    for (const column of [
      'push_token_dead_at',
      'last_push_at',
      'last_push_error',
      'bootstrap_token_sha256',
      'renewal_requested_at',
    ]) {
      table.dropColumn(column);
    }
  });
  await knex.schema.dropTable('enrollment_push_certificate');
  await knex.schema.dropTable('enrollment_push_queue');
};
