import { InvitationStatus } from '@macenroll/plugin-enrollment-common';
import { Knex } from 'knex';

/**
 * The one place an invitation's status is derived. The database keeps the
 * status without expiry (it changes only when something happens to the
 * invitation); expiry is applied when reading, here and in the SQL below,
 * so an invitation is `expired` the moment its date passes.
 */

/** What the status depends on, apart from the clock. */
export interface StatusFacts {
  cancelled: boolean;
  multipleUses: boolean;
  timesUsed: number;
  pending: number;
  sent: number;
  failed: number;
}

const FINAL: InvitationStatus[] = ['cancelled', 'used'];
const LIVE: InvitationStatus[] = [
  'pending',
  'sent',
  'partially-sent',
  'failed',
];

/** The status as stored: everything but expiry. */
export function storedStatus(facts: StatusFacts): InvitationStatus {
  if (facts.cancelled) return 'cancelled';
  if (!facts.multipleUses && facts.timesUsed > 0) return 'used';
  if (facts.pending > 0) return 'pending';
  if (facts.failed > 0) return facts.sent > 0 ? 'partially-sent' : 'failed';
  // Every recipient's mail was accepted, or a link-only invitation.
  return 'sent';
}

/** The status a person sees at `now`. */
export function effectiveStatus(
  stored: InvitationStatus,
  expiresAt: Date,
  now: Date,
): InvitationStatus {
  if (FINAL.includes(stored)) return stored;
  return expiresAt.getTime() <= now.getTime() ? 'expired' : stored;
}

/** Whether an invitation in this status can still be used to enroll. */
export function isUsable(status: InvitationStatus): boolean {
  return LIVE.includes(status);
}

/**
 * Limits a query on enrollment_invitations (aliased `i`) to invitations whose
 * effective status at `now` is one of `statuses`, like effectiveStatus.
 */
export function whereEffectiveStatusIn(
  query: Knex.QueryBuilder,
  statuses: InvitationStatus[],
  now: Date,
): Knex.QueryBuilder {
  const finals = statuses.filter(s => FINAL.includes(s));
  const lives = statuses.filter(s => LIVE.includes(s));
  const expired = statuses.includes('expired');
  return query.where(q => {
    if (finals.length) q.orWhereIn('i.status', finals);
    if (lives.length) {
      q.orWhere(w =>
        w.whereIn('i.status', lives).andWhere('i.expires_at', '>', now),
      );
    }
    if (expired) {
      q.orWhere(w =>
        w.whereNotIn('i.status', FINAL).andWhere('i.expires_at', '<=', now),
      );
    }
    if (!finals.length && !lives.length && !expired) q.whereRaw('1 = 0');
  });
}

/** SQL for the effective status, for sorting by it. */
export function effectiveStatusSql(knex: Knex, now: Date): Knex.Raw {
  return knex.raw(
    `CASE WHEN i.status IN ('cancelled', 'used') THEN i.status WHEN i.expires_at <= ? THEN 'expired' ELSE i.status END`,
    [now],
  );
}
