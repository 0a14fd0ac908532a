import { Knex } from 'knex';
import {
  INVITATIONS,
  RECIPIENTS,
  refreshInvitationStatus,
} from './invitationRows';
import {
  InvitationLinkRef,
  InvitationUse,
  UseReservation,
} from './InvitationStore';
import { toBool, toDate } from './rows';

// An invitation's uses: the hold an enrollment keeps on a single-use link
// and the count of Macs that checked in. See InvitationStore.reserveUse.

export async function reserveUse(
  db: Knex,
  use: InvitationUse,
  times: { until: Date; now: Date },
): Promise<UseReservation> {
  return db.transaction(async trx => {
    const select = trx(INVITATIONS).where({ id: use.invitationId }).first();
    if (trx.client.config.client === 'pg') select.forUpdate();
    const invitation = await select;
    if (
      !invitation ||
      invitation.cancelled_at ||
      toDate(invitation.expires_at)!.getTime() <= times.now.getTime()
    ) {
      return 'unusable';
    }
    if (toBool(invitation.multiple_uses)) return 'reserved';
    if (invitation.status === 'used') return 'used';
    const slot = linkSlot(trx, use);
    // One conditional UPDATE: a racer that loses sees the winner's
    // reservation in the WHERE clause (row lock on PostgreSQL; SQLite
    // serializes writers).
    const reserved = await slot
      .query()
      .whereNull(slot.usedAt)
      .andWhere(q =>
        q
          .where(slot.reservedBy, use.enrollmentId)
          .orWhereNull(slot.reservedUntil)
          .orWhere(slot.reservedUntil, '<=', times.now),
      )
      .update({
        [slot.reservedBy]: use.enrollmentId,
        [slot.reservedUntil]: times.until,
      });
    if (reserved) return 'reserved';
    const row = await slot.query().select(slot.usedAt).first();
    if (!row) return 'unusable';
    return row[slot.usedAt] ? 'used' : 'in-use';
  });
}

export async function recordUse(
  db: Knex,
  use: InvitationUse,
  now: Date,
): Promise<void> {
  await db.transaction(async trx => {
    const counted = await trx(INVITATIONS)
      .where({ id: use.invitationId })
      .increment('times_used', 1);
    if (!counted) return;
    const slot = linkSlot(trx, use);
    await slot
      .query()
      .whereNull(slot.usedAt)
      .update({ [slot.usedAt]: now, [slot.reservedUntil]: null });
    await refreshInvitationStatus(trx, use.invitationId);
  });
}

/**
 * Where a link's reservation and use are kept: the recipient's row for a
 * recipient's own link, the invitation's row for its link.
 */
function linkSlot(trx: Knex.Transaction, use: InvitationLinkRef) {
  return use.recipientId === undefined
    ? {
        query: () => trx(INVITATIONS).where({ id: use.invitationId }),
        reservedBy: 'link_reserved_by',
        reservedUntil: 'link_reserved_until',
        usedAt: 'link_used_at',
      }
    : {
        query: () =>
          trx(RECIPIENTS).where({
            id: use.recipientId,
            invitation_id: use.invitationId,
          }),
        reservedBy: 'reserved_by',
        reservedUntil: 'reserved_until',
        usedAt: 'used_at',
      };
}
