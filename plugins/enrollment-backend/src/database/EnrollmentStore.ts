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
  /** The Mac that first authenticated with this enrollment's identity. */
  udid?: string;
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
    udid: row.udid ?? undefined,
  };
}

/** Enrollments started at the portal and the download tokens bound to them. */
export class EnrollmentStore {
  constructor(private readonly db: Knex) {}

  async create(
    enrollment: Omit<PendingEnrollment, 'id' | 'completedAt' | 'udid'>,
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
   * belongs to this session and has not expired, and its Mac has not yet
   * checked in (then there is nothing left to download).
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
    const enrollment = await this.get(row.enrollment_id);
    return enrollment?.completedAt ? undefined : enrollment;
  }

  /**
   * Binds the enrollment to the Mac authenticating with it; true when it is
   * now this Mac's. Atomic: of two Macs racing, one wins.
   */
  async claimMac(id: string, udid: string): Promise<boolean> {
    const claimed = await this.db(ENROLLMENTS)
      .where({ id })
      .andWhere(q => q.whereNull('udid').orWhere({ udid }))
      .update({ udid });
    return claimed > 0;
  }

  async complete(id: string, now: Date): Promise<void> {
    await this.db(ENROLLMENTS)
      .where({ id })
      .whereNull('completed_at')
      .update({ completed_at: now });
  }

  /**
   * Forgets expired download tokens, and enrollments that expired without a
   * Mac checking in and that no identity refers to. A completed enrollment
   * stays: its identities and computer name it.
   */
  async deleteExpired(now: Date): Promise<void> {
    await this.db(TOKENS).where('expires_at', '<=', now).delete();
    await this.db(ENROLLMENTS)
      .where('expires_at', '<=', now)
      .whereNull('completed_at')
      .whereNotExists(
        this.db('enrollment_certificates')
          .select('serial_number')
          .whereRaw('?? = ??', [
            'enrollment_certificates.enrollment_id',
            `${ENROLLMENTS}.id`,
          ]),
      )
      .delete();
  }
}
