// @ts-check

/**
 * Sites, invitations with their recipients' delivery, computers and the
 * enrollment event log. Timestamps are UTC.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('enrollment_sites', table => {
    table.comment('Sites a computer can be assigned to');
    table.string('id', 36).primary();
    table.string('name', 255).notNullable().unique();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
  });

  await knex.schema.createTable('enrollment_invitations', table => {
    table.comment('Enrollment invitations; the code itself is never stored');
    table.string('id', 36).primary();
    // The code is HMAC(secret, id + nonce); only its SHA-256 is kept.
    table.string('code_nonce', 32).notNullable();
    table.string('code_hash', 64).notNullable().unique();
    // Status without expiry, kept in step by the store; see invitations/status.ts.
    table.string('status', 32).notNullable();
    table.timestamp('expires_at', { useTz: true }).notNullable();
    table.boolean('require_login').notNullable();
    table.boolean('multiple_uses').notNullable();
    table.string('site_id', 36).nullable().references('id').inTable('enrollment_sites');
    table.boolean('keep_existing_site').notNullable().defaultTo(false);
    table.string('subject', 255).nullable();
    table.text('message').nullable();
    table.string('created_by', 255).notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('cancelled_at', { useTz: true }).nullable();
    table.integer('times_used').notNullable().defaultTo(0);
    table.integer('recipient_count').notNullable().defaultTo(0);
    table.integer('pending_count').notNullable().defaultTo(0);
    table.integer('sent_count').notNullable().defaultTo(0);
    table.integer('failed_count').notNullable().defaultTo(0);
    table.index(['created_at'], 'enrollment_invitations_created_idx');
    table.index(['status', 'created_at'], 'enrollment_invitations_status_idx');
    table.index(['site_id', 'created_at'], 'enrollment_invitations_site_idx');
    table.index(['expires_at'], 'enrollment_invitations_expires_idx');
  });

  await knex.schema.createTable('enrollment_recipients', table => {
    table.comment('One row per invitation recipient with its mail delivery state');
    table.bigIncrements('id').primary();
    table
      .string('invitation_id', 36)
      .notNullable()
      .references('id')
      .inTable('enrollment_invitations')
      .onDelete('CASCADE');
    table.string('email', 320).notNullable();
    table.string('email_lower', 320).notNullable();
    table.string('state', 16).notNullable();
    table.integer('attempts').notNullable().defaultTo(0);
    table.timestamp('next_attempt_at', { useTz: true }).nullable();
    table.string('claim_id', 36).nullable();
    table.timestamp('claimed_until', { useTz: true }).nullable();
    table.text('last_error').nullable();
    table.string('message_id', 255).nullable();
    table.timestamp('sent_at', { useTz: true }).nullable();
    table.unique(['invitation_id', 'email_lower'], {
      indexName: 'enrollment_recipients_unique_idx',
    });
    table.index(['state', 'next_attempt_at'], 'enrollment_recipients_due_idx');
    table.index(['email_lower'], 'enrollment_recipients_email_idx');
  });

  await knex.schema.createTable('enrollment_computers', table => {
    table.comment('Computers that enrolled (or are enrolling)');
    table.string('id', 36).primary();
    table.string('udid', 255).notNullable().unique();
    table.string('serial_number', 255).nullable();
    table.string('name', 255).nullable();
    table.string('model', 255).nullable();
    table.string('os_version', 64).nullable();
    table.string('status', 32).notNullable();
    table.timestamp('enrolled_at', { useTz: true }).nullable();
    table.string('invitation_id', 36).nullable().references('id').inTable('enrollment_invitations');
    table.string('site_id', 36).nullable().references('id').inTable('enrollment_sites');
    table.string('user_username', 255).nullable();
    table.string('user_real_name', 255).nullable();
    table.string('user_email', 320).nullable();
    table.string('user_department', 255).nullable();
    table.string('user_building', 255).nullable();
    table.string('user_room', 255).nullable();
    table.string('user_phone', 255).nullable();
    table.string('user_position', 255).nullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.index(['invitation_id'], 'enrollment_computers_invitation_idx');
    table.index(['site_id', 'enrolled_at'], 'enrollment_computers_site_idx');
    table.index(['enrolled_at'], 'enrollment_computers_enrolled_idx');
  });

  await knex.schema.createTable('enrollment_events', table => {
    table.comment('What admins and enrolling people did, for the admin UI');
    table.bigIncrements('id').primary();
    table.string('type', 64).notNullable();
    table.string('actor', 255).nullable();
    table.string('invitation_id', 36).nullable();
    table.string('computer_id', 36).nullable();
    table.text('message').notNullable();
    table.text('data').nullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.index(['created_at'], 'enrollment_events_created_idx');
    table.index(['invitation_id'], 'enrollment_events_invitation_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('enrollment_events');
  await knex.schema.dropTable('enrollment_computers');
  await knex.schema.dropTable('enrollment_recipients');
  await knex.schema.dropTable('enrollment_invitations');
  await knex.schema.dropTable('enrollment_sites');
};
