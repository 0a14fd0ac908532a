// @ts-check

/**
 * Invitations count what the admin means: a use is a Mac that checked in.
 * A single-use link is reserved while someone enrolls with it (the
 * reservation lapses with the SCEP challenge) and used once the Mac checks
 * in; each recipient has a link of their own; each invitation has a short
 * number people can read out.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('enrollment_invitations', table => {
    table.integer('number').nullable();
    // The invitation-wide link's reservation and use (single-use only).
    table.string('link_reserved_by', 36).nullable();
    table.timestamp('link_reserved_until', { useTz: true }).nullable();
    table.timestamp('link_used_at', { useTz: true }).nullable();
    table.unique(['number'], {
      indexName: 'enrollment_invitations_number_idx',
    });
  });
  await knex.schema.alterTable('enrollment_recipients', table => {
    // SHA-256 of the recipient's own code; null for recipients of
    // invitations made before, whose mail carries the invitation's link.
    table.string('code_hash', 64).nullable();
    table.string('reserved_by', 36).nullable();
    table.timestamp('reserved_until', { useTz: true }).nullable();
    table.timestamp('used_at', { useTz: true }).nullable();
    table.unique(['code_hash'], {
      indexName: 'enrollment_recipients_code_idx',
    });
  });
  await knex.schema.alterTable('enrollment_enrollments', table => {
    table.bigInteger('recipient_id').nullable();
  });

  const invitations = await knex('enrollment_invitations')
    .select('id')
    .orderBy([{ column: 'created_at' }, { column: 'id' }]);
  for (let i = 0; i < invitations.length; i++) {
    await knex('enrollment_invitations')
      .where({ id: invitations[i].id })
      .update({ number: i + 1 });
  }

  // Times used was counted when a person reached the download step; it now
  // counts Macs that checked in.
  await knex('enrollment_invitations').update({
    times_used: knex('enrollment_enrollments')
      .count('*')
      .whereNotNull('completed_at')
      .whereRaw('?? = ??', [
        'enrollment_enrollments.invitation_id',
        'enrollment_invitations.id',
      ]),
  });
  await knex('enrollment_invitations')
    .where('times_used', '>', 0)
    .andWhere('multiple_uses', false)
    .update({ link_used_at: knex.ref('created_at') });
  await knex('enrollment_invitations')
    .whereNull('cancelled_at')
    .update({
      status: knex.raw(
        `CASE
          WHEN NOT multiple_uses AND times_used > 0 THEN 'used'
          WHEN pending_count > 0 THEN 'pending'
          WHEN failed_count > 0 AND sent_count > 0 THEN 'partially-sent'
          WHEN failed_count > 0 THEN 'failed'
          WHEN recipient_count = 0 THEN 'active'
          ELSE 'sent' END`,
      ),
    });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex('enrollment_invitations')
    .where({ status: 'active' })
    .update({ status: 'sent' });
  await knex.schema.alterTable('enrollment_enrollments', table => {
    table.dropColumn('recipient_id');
  });
  await knex.schema.alterTable('enrollment_recipients', table => {
    table.dropUnique(['code_hash'], 'enrollment_recipients_code_idx');
    table.dropColumn('code_hash');
    table.dropColumn('reserved_by');
    table.dropColumn('reserved_until');
    table.dropColumn('used_at');
  });
  await knex.schema.alterTable('enrollment_invitations', table => {
    table.dropUnique(['number'], 'enrollment_invitations_number_idx');
    table.dropColumn('number');
    table.dropColumn('link_reserved_by');
    table.dropColumn('link_reserved_until');
    table.dropColumn('link_used_at');
  });
};
