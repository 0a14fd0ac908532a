import {
  Invitation,
  InvitationRecipient,
  InvitationStatus,
} from '@macenroll/plugin-enrollment-common';
import { Knex } from 'knex';
import { effectiveStatus, storedStatus } from './invitationStatus';
import { opt, toBool, toDate, toIso } from './rows';

export const INVITATIONS = 'enrollment_invitations';
export const RECIPIENTS = 'enrollment_recipients';

/** An invitation row joined with its site's name (`site_name`). */
export function toInvitation(
  row: any,
  recipients: string[],
  now: Date,
): Invitation {
  return {
    id: row.id,
    number: Number(row.number),
    status: effectiveStatus(
      row.status as InvitationStatus,
      toDate(row.expires_at)!,
      now,
    ),
    recipients,
    recipientCount: Number(row.recipient_count),
    expiresAt: toIso(row.expires_at)!,
    requireLogin: toBool(row.require_login),
    multipleUses: toBool(row.multiple_uses),
    timesUsed: Number(row.times_used),
    enrolledComputers: Number(row.enrolled_computers ?? 0),
    site: row.site_id ? { id: row.site_id, name: row.site_name } : null,
    keepExistingSite: toBool(row.keep_existing_site),
    subject: opt(row.subject),
    message: opt(row.message),
    createdBy: row.created_by,
    createdAt: toIso(row.created_at)!,
    cancelledAt: toIso(row.cancelled_at),
    delivery: {
      pending: Number(row.pending_count),
      sent: Number(row.sent_count),
      failed: Number(row.failed_count),
    },
    serialAllowlistCount: Number(row.serial_allowlist_count ?? 0),
    deviceRules: row.device_rules ? JSON.parse(row.device_rules) : undefined,
  };
}

export function toRecipient(row: any): InvitationRecipient {
  return {
    email: row.email,
    state: row.state,
    attempts: Number(row.attempts),
    lastError: opt(row.last_error),
    sentAt: toIso(row.sent_at),
    nextAttemptAt:
      row.state === 'pending' ? toIso(row.next_attempt_at) : undefined,
    ownLink: Boolean(row.code_hash),
    usedAt: toIso(row.used_at),
  };
}

/**
 * The number of an invitation's computers enrolled now, as the column
 * `enrolled_computers` of a query on enrollment_invitations aliased `i`.
 */
export function enrolledComputersColumn(db: Knex): Knex.QueryBuilder {
  return db('enrollment_computers as c')
    .count('*')
    .whereRaw('?? = ??', ['c.invitation_id', 'i.id'])
    .andWhere('c.status', 'enrolled')
    .as('enrolled_computers');
}

/**
 * Recounts an invitation's recipients and stores the counts and the status
 * they give; called in the transaction of every change that affects them.
 */
export async function refreshInvitationStatus(
  trx: Knex | Knex.Transaction,
  invitationId: string,
): Promise<void> {
  // Row lock: concurrent deliveries to one invitation recount one after the
  // other, each seeing the others' committed outcome (PostgreSQL; SQLite
  // serializes writers anyway).
  const select = trx(INVITATIONS).where({ id: invitationId }).first();
  if (trx.client.config.client === 'pg') select.forUpdate();
  const invitation = await select;
  if (!invitation) return;
  const counts = { pending: 0, sent: 0, failed: 0 };
  const links = { recipientLinks: 0, recipientLinksUsed: 0 };
  const rows = await trx(RECIPIENTS)
    .where({ invitation_id: invitationId })
    .select('state')
    .count({ n: '*', withLink: 'code_hash', used: 'used_at' })
    .groupBy('state');
  for (const { state, n, withLink, used } of rows as Array<
    Record<string, unknown>
  >) {
    if (state === 'sent') counts.sent += Number(n);
    else if (state === 'failed') counts.failed += Number(n);
    else counts.pending += Number(n);
    links.recipientLinks += Number(withLink);
    links.recipientLinksUsed += Number(used);
  }
  await trx(INVITATIONS)
    .where({ id: invitationId })
    .update({
      pending_count: counts.pending,
      sent_count: counts.sent,
      failed_count: counts.failed,
      status: storedStatus({
        cancelled: Boolean(invitation.cancelled_at),
        multipleUses: toBool(invitation.multiple_uses),
        linkUsed: Boolean(invitation.link_used_at),
        recipientCount: Number(invitation.recipient_count),
        ...links,
        ...counts,
      }),
    });
}
