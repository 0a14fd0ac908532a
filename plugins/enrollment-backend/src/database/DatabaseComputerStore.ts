import {
  Computer,
  ComputerDetails,
  ListComputersQuery,
  PushStatus,
} from '@macenroll/plugin-enrollment-common';
import { Knex } from 'knex';
import { ComputerStore } from './ComputerStore';
import { containsPattern, opt, toBool, toIso } from './rows';
import { applySiteFilter, SiteFilter } from './siteFilter';

const TABLE = 'enrollment_computers';

function toComputer(row: any): Computer {
  return {
    id: row.id,
    udid: row.udid,
    serialNumber: opt(row.serial_number),
    name: opt(row.name),
    model: opt(row.model),
    osVersion: opt(row.os_version),
    status: row.status,
    enrolledAt: toIso(row.enrolled_at),
    user: {
      username: opt(row.user_username),
      realName: opt(row.user_real_name),
      email: opt(row.user_email),
      department: opt(row.user_department),
      building: opt(row.user_building),
      room: opt(row.user_room),
      phone: opt(row.user_phone),
      position: opt(row.user_position),
    },
    site: row.site_id ? { id: row.site_id, name: row.site_name } : null,
    invitationId: opt(row.invitation_id),
    userApproved:
      row.user_approved === null || row.user_approved === undefined
        ? undefined
        : toBool(row.user_approved),
    lastSeenAt: toIso(row.last_seen_at),
  };
}

function pushStatusOf(row: any): PushStatus {
  if (row.status !== 'enrolled' || !row.push_token_base64) return 'none';
  if (row.push_token_dead_at) return 'unregistered';
  return row.last_push_error ? 'failing' : 'active';
}

function toDetails(row: any): ComputerDetails {
  return {
    ...toComputer(row),
    buildVersion: opt(row.build_version),
    productName: opt(row.product_name),
    push: {
      status: pushStatusOf(row),
      lastPushedAt: toIso(row.last_push_at),
      lastError: opt(row.last_push_error),
    },
    identity: row.identity_serial
      ? {
          serialNumber: row.identity_serial,
          notAfter: toIso(row.identity_not_after)!,
        }
      : undefined,
    unenrolledAt: toIso(row.unenrolled_at),
  };
}

/** The Knex-backed computer list. */
export class DatabaseComputerStore implements ComputerStore {
  constructor(private readonly db: Knex) {}

  private base(filter: SiteFilter) {
    const query = this.db(`${TABLE} as c`);
    applySiteFilter(query, 'c.site_id', filter);
    return query;
  }

  private page(query: Knex.QueryBuilder) {
    return query
      .clone()
      .leftJoin('enrollment_sites as s', 's.id', 'c.site_id')
      .select('c.*', 's.name as site_name')
      .orderByRaw('c.enrolled_at IS NULL, c.enrolled_at DESC')
      .orderBy('c.id');
  }

  async get(id: string): Promise<Computer | undefined> {
    const row = await this.page(
      this.db(`${TABLE} as c`).where('c.id', id),
    ).first();
    return row ? toComputer(row) : undefined;
  }

  async getDetails(
    id: string,
    filter?: SiteFilter,
  ): Promise<ComputerDetails | undefined> {
    const row = await this.page(this.base(filter).where('c.id', id))
      .leftJoin(
        'enrollment_certificates as cert',
        'cert.sha256',
        'c.certificate_sha256',
      )
      .select(
        'cert.serial_number as identity_serial',
        'cert.not_after as identity_not_after',
      )
      .first();
    return row ? toDetails(row) : undefined;
  }

  async listForInvitation(
    invitationId: string,
    filter?: SiteFilter,
  ): Promise<Computer[]> {
    const rows = await this.page(
      this.base(filter).where('c.invitation_id', invitationId),
    ).limit(10_000);
    return rows.map(toComputer);
  }

  async listForUser(
    user: { username?: string; email?: string },
    filter?: SiteFilter,
  ): Promise<Computer[]> {
    const username = user.username?.trim().toLowerCase();
    const email = user.email?.trim().toLowerCase();
    if (!username && !email) return [];
    const query = this.base(filter)
      .whereIn('c.status', ['enrolling', 'enrolled'])
      .where(q => {
        if (username) {
          q.orWhereRaw('LOWER(TRIM(c.user_username)) = ?', [username]);
        }
        if (email) q.orWhereRaw('LOWER(TRIM(c.user_email)) = ?', [email]);
      });
    const rows = await this.page(query).limit(1000);
    return rows.map(toComputer);
  }

  async list(
    query: Required<Pick<ListComputersQuery, 'offset' | 'limit'>> &
      ListComputersQuery,
    filter?: SiteFilter,
  ): Promise<{ items: Computer[]; totalCount: number }> {
    const base = this.base(filter);
    if (query.siteId) base.where('c.site_id', query.siteId);
    if (query.status) base.where('c.status', query.status);
    if (query.search) {
      const pattern = containsPattern(query.search);
      base.where(q => {
        for (const column of [
          'c.name',
          'c.serial_number',
          'c.user_username',
          'c.user_email',
          'c.user_real_name',
        ]) {
          q.orWhereRaw(`LOWER(${column}) LIKE ? ESCAPE '\\'`, [pattern]);
        }
      });
    }
    const [{ n }] = await base.clone().count({ n: '*' });
    const rows = await this.page(base).offset(query.offset).limit(query.limit);
    return { items: rows.map(toComputer), totalCount: Number(n) };
  }
}
