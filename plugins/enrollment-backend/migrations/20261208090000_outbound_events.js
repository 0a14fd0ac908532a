// @ts-check

/**
 * Events for the world outside the plugin (Backstage's events service and
 * notifications, an outgoing webhook), written in the same transaction as
 * what they report so none is lost, and delivered from there with retries.
 * One row per event and channel; a delivered row is deleted.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('enrollment_outbound_events', table => {
    // The order events were queued in, also within one millisecond.
    table.increments('seq');
    table.string('id', 36).notNullable().unique();
    table.string('event_id', 36).notNullable();
    // 'backstage' (events service, notifications) or 'webhook'.
    table.string('channel', 16).notNullable();
    table.string('type', 32).notNullable();
    table.text('payload').notNullable();
    table.integer('attempts').notNullable().defaultTo(0);
    table.timestamp('due_at', { useTz: true }).notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.text('last_error').nullable();
    table.string('claim_id', 36).nullable();
    table.timestamp('claimed_until', { useTz: true }).nullable();
    table.index(['due_at'], 'enrollment_outbound_events_due_idx');
    table.index(['claim_id'], 'enrollment_outbound_events_claim_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('enrollment_outbound_events');
};
