import {
  DeviceRules,
  Invitation,
  InvitationDetails,
  InvitationOrderBy,
  ListInvitationsQuery,
} from '@macenroll/plugin-enrollment-common';
import { Knex } from 'knex';
import { effectiveStatusSql, whereEffectiveStatusIn } from './invitationStatus';
import {
  enrolledComputersColumn,
  INVITATIONS,
  RECIPIENTS,
  refreshInvitationStatus,
  toInvitation,
  toRecipient,
} from './invitationRows';
import {
  InvitationAdmission,
  InvitationLinkRef,
  InvitationStore,
  InvitationUse,
  NewInvitation,
  UseReservation,
} from './InvitationStore';
import { recordUse, reserveUse } from './invitationUses';
import { countMatches, EXACT_COUNT_LIMIT, ListTotal } from './listCount';
import { containsPattern } from './rows';
import { applySiteFilter, SiteFilter } from './siteFilter';

const SERIALS = 'enrollment_invitation_serials';

/** How many recipients a listed invitation shows. */
const LISTED_RECIPIENTS = 10;

const ORDER_COLUMNS: Record<Exclude<InvitationOrderBy, 'status'>, string> = {
  createdAt: 'i.created_at',
  expiresAt: 'i.expires_at',
  timesUsed: 'i.times_used',
};

/** How often creating an invitation retries when another took its number. */
const NUMBER_ATTEMPTS = 8;

function isNumberTaken(error: unknown): boolean {
  const text = String((error as Error)?.message ?? error);
  return /enrollment_invitations_number_idx|enrollment_invitations\.number/.test(
    text,
  );
}

/** The Knex-backed invitation store. */
export class DatabaseInvitationStore implements InvitationStore {
  private readonly exactCountLimit: number;

  constructor(
    private readonly db: Knex,
    /** exactCountLimit: see EXACT_COUNT_LIMIT (smaller in tests). */
    options: { exactCountLimit?: number } = {},
  ) {
    this.exactCountLimit = options.exactCountLimit ?? EXACT_COUNT_LIMIT;
  }

  async create(invitation: NewInvitation): Promise<InvitationDetails> {
    // Numbers count up; two replicas creating at once may pick the same
    // one, and the unique index sends the loser round again.
    for (let attempt = 1; ; attempt++) {
      try {
        await this.insert(invitation);
        break;
      } catch (error) {
        if (!isNumberTaken(error) || attempt >= NUMBER_ATTEMPTS) throw error;
      }
    }
    return (await this.get(invitation.id, invitation.createdAt))!;
  }

  private async insert(invitation: NewInvitation): Promise<void> {
    await this.db.transaction(async trx => {
      const [{ last }] = await trx(INVITATIONS).max({ last: 'number' });
      await trx(INVITATIONS).insert({
        id: invitation.id,
        number: Number(last ?? 0) + 1,
        code_nonce: invitation.codeNonce,
        code_hash: invitation.codeHash,
        status: 'pending',
        expires_at: invitation.expiresAt,
        require_login: invitation.requireLogin,
        multiple_uses: invitation.multipleUses,
        site_id: invitation.siteId ?? null,
        keep_existing_site: invitation.keepExistingSite,
        subject: invitation.subject ?? null,
        message: invitation.message ?? null,
        created_by: invitation.createdBy,
        created_at: invitation.createdAt,
        times_used: 0,
        recipient_count: invitation.recipients.length,
        serial_allowlist_count: invitation.serialNumbers?.length ?? 0,
        device_rules: invitation.deviceRules
          ? JSON.stringify(invitation.deviceRules)
          : null,
      });
      const serials = (invitation.serialNumbers ?? []).map(serial => ({
        invitation_id: invitation.id,
        serial_number: serial,
      }));
      if (serials.length) await trx.batchInsert(SERIALS, serials, 400);
      const rows = invitation.recipients.map(({ email, codeHash }) => ({
        invitation_id: invitation.id,
        email,
        email_lower: email.toLowerCase(),
        code_hash: codeHash,
        state: 'pending',
        attempts: 0,
      }));
      if (rows.length) await trx.batchInsert(RECIPIENTS, rows, 200);
      await refreshInvitationStatus(trx, invitation.id);
    });
  }

  async getOwner(
    id: string,
  ): Promise<{ id: string; number: number; createdBy: string } | undefined> {
    const row = await this.db(INVITATIONS)
      .where({ id })
      .first('id', 'number', 'created_by');
    return row
      ? { id: row.id, number: Number(row.number), createdBy: row.created_by }
      : undefined;
  }

  async get(
    id: string,
    now: Date,
    filter?: SiteFilter,
  ): Promise<InvitationDetails | undefined> {
    const query = this.db(`${INVITATIONS} as i`)
      .leftJoin('enrollment_sites as s', 's.id', 'i.site_id')
      .where('i.id', id)
      .select('i.*', 's.name as site_name', enrolledComputersColumn(this.db))
      .first();
    applySiteFilter(query, 'i.site_id', filter);
    const row = await query;
    if (!row) return undefined;
    const recipients = await this.db(RECIPIENTS)
      .where({ invitation_id: id })
      .orderBy('id');
    return {
      ...toInvitation(
        row,
        recipients.map(r => r.email),
        now,
      ),
      recipientDetails: recipients.map(toRecipient),
    };
  }

  async serialNumbers(id: string): Promise<string[]> {
    const rows = await this.db(SERIALS)
      .where({ invitation_id: id })
      .orderBy('serial_number')
      .select('serial_number');
    return rows.map(r => r.serial_number);
  }

  async admission(
    id: string,
    serialNumber: string | undefined,
  ): Promise<InvitationAdmission | undefined> {
    const row = await this.db(INVITATIONS)
      .where({ id })
      .first('serial_allowlist_count', 'device_rules');
    if (!row) return undefined;
    const deviceRules: DeviceRules | undefined = row.device_rules
      ? JSON.parse(row.device_rules)
      : undefined;
    if (!Number(row.serial_allowlist_count)) return { deviceRules };
    const serial = serialNumber?.trim().toUpperCase();
    const listed =
      serial &&
      (await this.db(SERIALS)
        .where({ invitation_id: id, serial_number: serial })
        .first('serial_number'));
    return { deviceRules, serialListed: Boolean(listed) };
  }

  async getCodeNonce(id: string): Promise<string | undefined> {
    const row = await this.db(INVITATIONS)
      .where({ id })
      .select('code_nonce')
      .first();
    return row?.code_nonce;
  }

  async list(
    query: Required<
      Pick<ListInvitationsQuery, 'offset' | 'limit' | 'orderBy' | 'order'>
    > &
      ListInvitationsQuery,
    now: Date,
    filter?: SiteFilter,
  ): Promise<{ items: Invitation[] } & ListTotal> {
    const base = this.db(`${INVITATIONS} as i`);
    let manyMatches = false;
    if (query.status?.length) whereEffectiveStatusIn(base, query.status, now);
    if (query.siteId) base.where('i.site_id', query.siteId);
    if (query.search) {
      const search = query.search;
      const number = /^#?\s*(\d{1,9})$/.exec(search.trim())?.[1];
      // The invitations of the recipients that match, found first (on
      // PostgreSQL with the trigram index on email_lower, migration
      // 20261207140000_search_indexes), so that the planner, which cannot
      // tell how many rows a '%…%' pattern matches, gets them as a list;
      // a search matching more invitations than the exact-count limit stays a
      // subquery, which the page reads along its order until it is full.
      const matching = this.db(RECIPIENTS)
        .select('invitation_id')
        .whereRaw(`email_lower LIKE ? ESCAPE '\\'`, [containsPattern(search)]);
      const ids = (
        await matching
          .clone()
          .clearSelect()
          .distinct('invitation_id')
          .limit(this.exactCountLimit + 1)
      ).map(r => r.invitation_id as string);
      manyMatches = ids.length > this.exactCountLimit;
      base.where(q => {
        if (manyMatches) q.whereIn('i.id', matching);
        else q.whereIn('i.id', ids);
        if (number) q.orWhere('i.number', Number(number));
      });
    }
    applySiteFilter(base, 'i.site_id', filter);

    const order = (q: Knex.QueryBuilder) => {
      if (query.orderBy === 'status') {
        q.orderBy(effectiveStatusSql(this.db, now), query.order);
      } else {
        q.orderBy(ORDER_COLUMNS[query.orderBy], query.order);
      }
      return q.orderBy('i.id', query.order);
    };
    // The page's ids first, then their rows with the site and the enrolled
    // computers: a deep page skips ids only, not joined rows.
    const pageIds = order(base.clone().select('i.id'))
      .offset(query.offset)
      .limit(query.limit);
    const rows: any[] = await order(
      this.db(`${INVITATIONS} as i`)
        .join(pageIds.as('p'), 'p.id', 'i.id')
        .leftJoin('enrollment_sites as s', 's.id', 'i.site_id')
        .select('i.*', 's.name as site_name', enrolledComputersColumn(this.db)),
    );
    const total = await countMatches(this.db, base, {
      atLeast: query.offset + rows.length,
      limit: this.exactCountLimit,
      moreThanLimit: manyMatches,
    });

    const recipients = new Map<string, string[]>();
    if (rows.length) {
      const ranked = this.db(RECIPIENTS)
        .select(
          'invitation_id',
          'email',
          this.db.raw(
            'ROW_NUMBER() OVER (PARTITION BY invitation_id ORDER BY id) AS n',
          ),
        )
        .whereIn(
          'invitation_id',
          rows.map(r => r.id),
        );
      const firstOnes = await this.db
        .from(ranked.as('r'))
        .where('n', '<=', LISTED_RECIPIENTS)
        .orderBy(['invitation_id', 'n']);
      for (const r of firstOnes) {
        const list = recipients.get(r.invitation_id) ?? [];
        list.push(r.email);
        recipients.set(r.invitation_id, list);
      }
    }
    return {
      items: rows.map(row =>
        toInvitation(row, recipients.get(row.id) ?? [], now),
      ),
      ...total,
    };
  }

  async cancel(id: string, now: Date): Promise<void> {
    await this.db.transaction(async trx => {
      await trx(INVITATIONS)
        .where({ id })
        .whereNull('cancelled_at')
        .update({ cancelled_at: now });
      await refreshInvitationStatus(trx, id);
    });
  }

  async delete(id: string): Promise<void> {
    await this.db.transaction(async trx => {
      // Lock the row first, so a racing consumeUse or status refresh waits
      // (SQLite serializes writers anyway).
      if (trx.client.config.client === 'pg') {
        await trx(INVITATIONS).where({ id }).forUpdate().first('id');
      }
      await trx('enrollment_computers')
        .where({ invitation_id: id })
        .update({ invitation_id: null });
      await trx('enrollment_enrollments')
        .where({ invitation_id: id })
        .update({ invitation_id: null });
      await trx(RECIPIENTS).where({ invitation_id: id }).delete();
      await trx(SERIALS).where({ invitation_id: id }).delete();
      await trx(INVITATIONS).where({ id }).delete();
    });
  }

  async requeue(id: string, emails: string[]): Promise<void> {
    await this.db.transaction(async trx => {
      for (let i = 0; i < emails.length; i += 500) {
        await trx(RECIPIENTS)
          .where({ invitation_id: id })
          .whereIn(
            'email_lower',
            emails.slice(i, i + 500).map(e => e.toLowerCase()),
          )
          .whereNot('state', 'sending')
          .update({
            state: 'pending',
            attempts: 0,
            next_attempt_at: null,
            claim_id: null,
            claimed_until: null,
          });
      }
      await refreshInvitationStatus(trx, id);
    });
  }

  async findLink(
    codeHash: string,
  ): Promise<(InvitationLinkRef & { used: boolean }) | undefined> {
    const own = await this.db(INVITATIONS)
      .where({ code_hash: codeHash })
      .select('id', 'link_used_at')
      .first();
    if (own) return { invitationId: own.id, used: Boolean(own.link_used_at) };
    const recipient = await this.db(RECIPIENTS)
      .where({ code_hash: codeHash })
      .select('id', 'invitation_id', 'used_at')
      .first();
    return recipient
      ? {
          invitationId: recipient.invitation_id,
          recipientId: Number(recipient.id),
          used: Boolean(recipient.used_at),
        }
      : undefined;
  }

  async findRecipient(
    id: string,
    email: string,
  ): Promise<{ id: number; email: string; ownLink: boolean } | undefined> {
    const row = await this.db(RECIPIENTS)
      .where({ invitation_id: id, email_lower: email.trim().toLowerCase() })
      .select('id', 'email', 'code_hash')
      .first();
    return row
      ? {
          id: Number(row.id),
          email: row.email,
          ownLink: Boolean(row.code_hash),
        }
      : undefined;
  }

  reserveUse(
    use: InvitationUse,
    times: { until: Date; now: Date },
  ): Promise<UseReservation> {
    return reserveUse(this.db, use, times);
  }

  recordUse(use: InvitationUse, now: Date): Promise<void> {
    return recordUse(this.db, use, now);
  }
}
