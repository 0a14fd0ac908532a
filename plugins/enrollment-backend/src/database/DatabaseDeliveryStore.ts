import { Knex } from 'knex';
import { ClaimDueOptions } from './claims';
import { ClaimedDelivery, DeliveryStore, SentDelivery } from './DeliveryStore';
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

  async markSent(
    d: ClaimedDelivery,
    messageId: string,
    now: Date,
  ): Promise<boolean> {
    return (await this.markSentMany([{ delivery: d, messageId }], now)) > 0;
  }

  async markSentMany(sent: SentDelivery[], now: Date): Promise<number> {
    if (!sent.length) return 0;
    const byClaim = new Map<string, SentDelivery[]>();
    for (const s of sent) {
      const group = byClaim.get(s.delivery.claimId) ?? [];
      group.push(s);
      byClaim.set(s.delivery.claimId, group);
    }
    return this.db.transaction(async trx => {
      let stored = 0;
      const invitations = new Set<string>();
      for (const [claimId, group] of byClaim) {
        // Each row its own Message-ID, in one statement (PostgreSQL and SQLite).
        const cases = group.map(() => 'WHEN ? THEN ?').join(' ');
        const bindings = group.flatMap(s => [
          s.delivery.recipientId,
          s.messageId.slice(0, 255),
        ]);
        const n = await trx(RECIPIENTS)
          .whereIn(
            'id',
            group.map(s => s.delivery.recipientId),
          )
          .andWhere({ claim_id: claimId, state: 'sending' })
          .update({
            state: 'sent',
            message_id: trx.raw(`CASE id ${cases} END`, bindings),
            sent_at: now,
            last_error: null,
            next_attempt_at: null,
            claim_id: null,
            claimed_until: null,
          });
        if (n) {
          stored += n;
          group.forEach(s => invitations.add(s.delivery.invitation.id));
        }
      }
      // Once per invitation and group, not per message: the recount reads
      // all of an invitation's recipients.
      for (const invitationId of [...invitations].sort()) {
        await refreshInvitationStatus(trx, invitationId);
      }
      return stored;
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
