// @ts-check

/**
 * One portal enrollment enrolls one Mac: the enrollment remembers the UDID
 * that first authenticated with it, and challenges and identities are looked
 * up by enrollment to supersede older ones.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('enrollment_enrollments', table => {
    table.string('udid', 64).nullable();
    table.index(['expires_at'], 'enrollment_enrollments_expires_idx');
  });
  // An enrollment that already enrolled exactly one Mac belongs to it.
  await knex('enrollment_enrollments')
    .whereIn(
      'id',
      knex('enrollment_computers')
        .select('enrollment_id')
        .whereNotNull('enrollment_id')
        .groupBy('enrollment_id')
        .havingRaw('count(*) = 1'),
    )
    .update({
      udid: knex('enrollment_computers')
        .select('udid')
        .whereRaw('?? = ??', [
          'enrollment_computers.enrollment_id',
          'enrollment_enrollments.id',
        ]),
    });
  await knex.schema.alterTable('enrollment_scep_challenges', table => {
    table.index(['enrollment_id'], 'enrollment_scep_challenges_enrollment_idx');
    table.index(['expires_at'], 'enrollment_scep_challenges_expires_idx');
  });
  await knex.schema.alterTable('enrollment_certificates', table => {
    table.index(['enrollment_id'], 'enrollment_certificates_enrollment_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('enrollment_certificates', table => {
    table.dropIndex(
      ['enrollment_id'],
      'enrollment_certificates_enrollment_idx',
    );
  });
  await knex.schema.alterTable('enrollment_scep_challenges', table => {
    table.dropIndex(
      ['enrollment_id'],
      'enrollment_scep_challenges_enrollment_idx',
    );
    table.dropIndex(['expires_at'], 'enrollment_scep_challenges_expires_idx');
  });
  await knex.schema.alterTable('enrollment_enrollments', table => {
    table.dropIndex(['expires_at'], 'enrollment_enrollments_expires_idx');
    table.dropColumn('udid');
  });
};
