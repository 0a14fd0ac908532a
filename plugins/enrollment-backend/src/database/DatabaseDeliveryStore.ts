import { Knex } from 'knex';
import { ClaimDueOptions } from './claims';
import { ClaimedDelivery, DeliveryStore } from './DeliveryStore';
import {
  INVITATIONS,
  RECIPIENTS,
  refreshInvitationStatus,
} from './invitationRows';
import { opt, toBool, toDate } from './rows';

/**
 * The Knex-backed mail queue: a claimed recipient is in state `sending`
 * until its lease (`claimed_until`) ends.
 */
export class DatabaseDeliveryStore implements DeliveryStore {
  constructor(private readonly db: Knex) {}

  async claimDue(options: ClaimDueOptions): Promise<ClaimedDelivery[]> {
    const { now, limit, leaseMs, claimId } = options;
    const due = this.db(`${RECIPIENTS} as r`)
      .join(`${INVITATIONS} as i`, 'i.id', 'r.invitation_id')
      .select('r.id')
      .where(q =>
        q
          .where(w =>
            w
              .where('r.state', 'pending')
              .andWhere(n =>
                n
                  .whereNull('r.next_attempt_at')
                  .orWhere('r.next_attempt_at', '<=', now),
              ),
          )
          .orWhere(w =>
            w
              .where('r.state', 'sending')
              .andWhere('r.claimed_until', '<=', now),
          ),
      )
      .whereNull('i.cancelled_at')
      .andWhere('i.expires_at', '>', now)
      .orderBy('r.id')
      .limit(limit);
    if (this.db.client.config.client === 'pg') due.forUpdate('r').skipLocked();

    const claimed = await this.db.transaction(async trx => {
      const ids = (await due.clone().transacting(trx)).map(r => Number(r.id));
      if (!ids.length) return [];
      await trx(RECIPIENTS)
        .whereIn('id', ids)
        .update({
          state: 'sending',
          claim_id: claimId,
          claimed_until: new Date(now.getTime() + leaseMs),
          attempts: trx.raw('attempts + 1'),
        });
      return trx(`${RECIPIENTS} as r`)
        .join(`${INVITATIONS} as i`, 'i.id', 'r.invitation_id')
        .whereIn('r.id', ids)
        .andWhere('r.claim_id', claimId)
        .select(
          'r.id as recipient_id',
          'r.email',
          'r.attempts',
          'r.code_hash',
          'i.id as invitation_id',
          'i.number',
          'i.code_nonce',
          'i.expires_at',
          'i.require_login',
          'i.multiple_uses',
          'i.subject',
          'i.message',
          'i.created_by',
        )
        .orderBy('r.id');
    });
    return claimed.map(row => ({
      recipientId: Number(row.recipient_id),
      claimId,
      email: row.email,
      ownLink: Boolean(row.code_hash),
      attempts: Number(row.attempts),
      invitation: {
        id: row.invitation_id,
        number: Number(row.number),
        codeNonce: row.code_nonce,
        expiresAt: toDate(row.expires_at)!,
        requireLogin: toBool(row.require_login),
        multipleUses: toBool(row.multiple_uses),
        subject: opt(row.subject),
        message: opt(row.message),
        createdBy: row.created_by,
      },
    }));
  }

  markSent(d: ClaimedDelivery, messageId: string, now: Date): Promise<boolean> {
    return this.release(d, {
      state: 'sent',
      message_id: messageId.slice(0, 255),
      sent_at: now,
      last_error: null,
      next_attempt_at: null,
    });
  }

  markRetry(
    d: ClaimedDelivery,
    error: string,
    nextAttemptAt: Date,
  ): Promise<boolean> {
    return this.release(d, {
      state: 'pending',
      last_error: error,
      next_attempt_at: nextAttemptAt,
    });
  }

  markFailed(d: ClaimedDelivery, error: string): Promise<boolean> {
    return this.release(d, {
      state: 'failed',
      last_error: error,
      next_attempt_at: null,
    });
  }

  /** Stores the outcome if the claim is still ours; false when it was lost. */
  private async release(
    d: ClaimedDelivery,
    update: Record<string, unknown>,
  ): Promise<boolean> {
    return this.db.transaction(async trx => {
      const n = await trx(RECIPIENTS)
        .where({ id: d.recipientId, claim_id: d.claimId, state: 'sending' })
        .update({ ...update, claim_id: null, claimed_until: null });
      if (n) await refreshInvitationStatus(trx, d.invitation.id);
      return n > 0;
    });
  }
}
