import { randomBytes, randomUUID } from 'node:crypto';
import { ComputerUser } from '@macenroll/plugin-enrollment-common';
import { Knex } from 'knex';
import { sha256 } from './PortalSessionStore';
import { toBool, toDate } from './rows';

/** An enrollment a portal session started: whose Mac, which invitation and site. */
export interface PendingEnrollment {
  id: string;
  sessionIdHash: string;
  invitationId?: string;
  siteId?: string;
  keepExistingSite: boolean;
  loginKind: 'ldap' | 'local' | 'none';
  loginName?: string;
  user: ComputerUser;
  platform: string;
  createdAt: Date;
  expiresAt: Date;
  completedAt?: Date;
}

export type DownloadPurpose = 'ca' | 'profile' | 'quickadd';

const ENROLLMENTS = 'enrollment_enrollments';
const TOKENS = 'enrollment_download_tokens';

function toEnrollment(row: any): PendingEnrollment {
  return {
    id: row.id,
    sessionIdHash: row.session_id_hash,
    invitationId: row.invitation_id ?? undefined,
    siteId: row.site_id ?? undefined,
    keepExistingSite: toBool(row.keep_existing_site),
    loginKind: row.login_kind,
    loginName: row.login_name ?? undefined,
    user: JSON.parse(row.user),
    platform: row.platform,
    createdAt: toDate(row.created_at)!,
    expiresAt: toDate(row.expires_at)!,
    completedAt: toDate(row.completed_at),
  };
}

/** Enrollments started at the portal and the download tokens bound to them. */
export class EnrollmentStore {
  constructor(private readonly db: Knex) {}

  async create(
    enrollment: Omit<PendingEnrollment, 'id' | 'completedAt'>,
    trx: Knex | Knex.Transaction = this.db,
  ): Promise<PendingEnrollment> {
    const id = randomUUID();
    await trx(ENROLLMENTS).insert({
      id,
      session_id_hash: enrollment.sessionIdHash,
      invitation_id: enrollment.invitationId ?? null,
      site_id: enrollment.siteId ?? null,
      keep_existing_site: enrollment.keepExistingSite,
      login_kind: enrollment.loginKind,
      login_name: enrollment.loginName ?? null,
      user: JSON.stringify(enrollment.user),
      platform: enrollment.platform,
      created_at: enrollment.createdAt,
      expires_at: enrollment.expiresAt,
    });
    return { ...enrollment, id };
  }

  async get(id: string): Promise<PendingEnrollment | undefined> {
    const row = await this.db(ENROLLMENTS).where({ id }).first();
    return row ? toEnrollment(row) : undefined;
  }

  /** A new token for one download of this session's enrollment. */
  async issueToken(options: {
    sessionIdHash: string;
    enrollmentId: string;
    purpose: DownloadPurpose;
    ttlMs: number;
    now: Date;
  }): Promise<string> {
    const token = randomBytes(24).toString('base64url');
    await this.db(TOKENS).insert({
      token_hash: sha256(token),
      session_id_hash: options.sessionIdHash,
      enrollment_id: options.enrollmentId,
      purpose: options.purpose,
      expires_at: new Date(options.now.getTime() + options.ttlMs),
    });
    return token;
  }

  /**
   * The enrollment a token opens, if the token exists, is for this purpose,
   * belongs to this session and has not expired.
   */
  async redeemToken(options: {
    token: string;
    sessionIdHash: string;
    purpose: DownloadPurpose;
    now: Date;
  }): Promise<PendingEnrollment | undefined> {
    if (!/^[A-Za-z0-9_-]{32}$/.test(options.token)) return undefined;
    const row = await this.db(TOKENS)
      .where({ token_hash: sha256(options.token) })
      .first();
    if (
      !row ||
      row.purpose !== options.purpose ||
      row.session_id_hash !== options.sessionIdHash ||
      toDate(row.expires_at)!.getTime() <= options.now.getTime()
    ) {
      return undefined;
    }
    return this.get(row.enrollment_id);
  }

  async complete(id: string, now: Date): Promise<void> {
    await this.db(ENROLLMENTS)
      .where({ id })
      .whereNull('completed_at')
      .update({ completed_at: now });
  }

  async deleteExpired(now: Date): Promise<void> {
    await this.db(TOKENS).where('expires_at', '<=', now).delete();
  }
}
