// @ts-check

/**
 * SCEP challenges, issued device certificates, the MDM state of computers
 * and their command queue.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('enrollment_scep_challenges', table => {
    table.comment('Single-use SCEP challenges, one per profile download; only hashes kept');
    table.string('challenge_hash', 64).primary();
    table.string('enrollment_id', 36).notNullable();
    table.timestamp('expires_at', { useTz: true }).notNullable();
    table.timestamp('used_at', { useTz: true }).nullable();
  });

  await knex.schema.createTable('enrollment_certificates', table => {
    table.comment('Device identity certificates issued by SCEP');
    table.string('serial_number', 64).primary();
    table.string('sha256', 64).notNullable().unique();
    table.string('enrollment_id', 36).notNullable();
    table.string('computer_id', 36).nullable();
    table.text('subject').notNullable();
    table.timestamp('not_before', { useTz: true }).notNullable();
    table.timestamp('not_after', { useTz: true }).notNullable();
    table.timestamp('revoked_at', { useTz: true }).nullable();
    table.text('certificate_der_base64').notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
  });

  await knex.schema.alterTable('enrollment_computers', table => {
    table.string('enrollment_id', 36).nullable();
    table.string('certificate_sha256', 64).nullable();
    table.string('topic', 255).nullable();
    table.text('push_token_base64').nullable();
    table.string('push_magic', 255).nullable();
    // AES-256-GCM under a key derived from the CA key; see mdm/bootstrapToken.ts.
    table.text('bootstrap_token_sealed').nullable();
    table.boolean('user_approved').nullable();
    table.string('build_version', 64).nullable();
    table.string('product_name', 255).nullable();
    table.timestamp('last_seen_at', { useTz: true }).nullable();
    table.timestamp('unenrolled_at', { useTz: true }).nullable();
  });

  await knex.schema.createTable('enrollment_commands', table => {
    table.comment('The MDM command queue, per computer');
    table.string('command_uuid', 64).primary();
    table.string('computer_id', 36).notNullable();
    table.string('request_type', 64).notNullable();
    // The command's plist XML, exactly as sent.
    table.text('payload').notNullable();
    table.string('status', 32).notNullable(); // queued | sent | acknowledged | error | notnow
    table.text('result').nullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('sent_at', { useTz: true }).nullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.index(['computer_id', 'status', 'created_at'], 'enrollment_commands_queue_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('enrollment_commands');
  await knex.schema.alterTable('enrollment_computers', table => {
    for (const column of [
      'enrollment_id',
      'certificate_sha256',
      'topic',
      'push_token_base64',
      'push_magic',
      'bootstrap_token_sealed',
      'user_approved',
      'build_version',
      'product_name',
      'last_seen_at',
      'unenrolled_at',
    ]) {
      table.dropColumn(column);
    }
  });
  await knex.schema.dropTable('enrollment_certificates');
  await knex.schema.dropTable('enrollment_scep_challenges');
};
