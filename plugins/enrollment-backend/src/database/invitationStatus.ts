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
  /** The invitation's own link enrolled its (single-use) Mac. */
  linkUsed: boolean;
  recipientCount: number;
  /** Recipients with a link of their own, and how many of those enrolled a Mac. */
  recipientLinks: number;
  recipientLinksUsed: number;
  pending: number;
  sent: number;
  failed: number;
}

const FINAL: InvitationStatus[] = ['cancelled', 'used'];
const LIVE: InvitationStatus[] = [
  'pending',
  'sent',
  'active',
  'partially-sent',
  'failed',
];

/**
 * Whether a single-use invitation has enrolled all it may: one Mac per
 * recipient's own link; the invitation's link counts only where recipients
 * share it (no recipients, or recipients from before per-recipient links),
 * so an admin's copy of the link never uses up their recipients' links.
 */
export function usedUp(facts: StatusFacts): boolean {
  if (facts.multipleUses) return false;
  const sharedLink =
    facts.recipientCount === 0 || facts.recipientLinks < facts.recipientCount;
  return sharedLink
    ? facts.linkUsed
    : facts.recipientLinksUsed >= facts.recipientLinks;
}

/** The status as stored: everything but expiry. */
export function storedStatus(facts: StatusFacts): InvitationStatus {
  if (facts.cancelled) return 'cancelled';
  if (usedUp(facts)) return 'used';
  if (facts.pending > 0) return 'pending';
  if (facts.failed > 0) return facts.sent > 0 ? 'partially-sent' : 'failed';
  return facts.recipientCount === 0 ? 'active' : 'sent';
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
