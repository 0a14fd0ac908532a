import { randomBytes, randomUUID } from 'node:crypto';
import { Knex } from 'knex';
import { DeviceRefusal } from '@macenroll/plugin-enrollment-common';
import {
  DownloadTokenRedemption,
  EnrollmentStore,
  NewDownloadToken,
  NewEnrollment,
  PendingEnrollment,
} from './EnrollmentStore';
import { sha256 } from './hashing';
import { toBool, toDate } from './rows';

const ENROLLMENTS = 'enrollment_enrollments';
const TOKENS = 'enrollment_download_tokens';

function toEnrollment(row: any): PendingEnrollment {
  return {
    id: row.id,
    sessionIdHash: row.session_id_hash,
    invitationId: row.invitation_id ?? undefined,
    recipientId:
      row.recipient_id === null || row.recipient_id === undefined
        ? undefined
        : Number(row.recipient_id),
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
    refusal: row.refused_reason ? JSON.parse(row.refused_reason) : undefined,
  };
}

/** The Knex-backed enrollment store; tokens are kept as their hashes. */
export class DatabaseEnrollmentStore implements EnrollmentStore {
  constructor(private readonly db: Knex) {}

  async create(
    enrollment: NewEnrollment,
    trx: Knex | Knex.Transaction = this.db,
  ): Promise<PendingEnrollment> {
    const id = enrollment.id ?? randomUUID();
    await trx(ENROLLMENTS).insert({
      id,
      session_id_hash: enrollment.sessionIdHash,
      invitation_id: enrollment.invitationId ?? null,
      recipient_id: enrollment.recipientId ?? null,
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

  async issueToken(options: NewDownloadToken): Promise<string> {
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

  async redeemToken(
    options: DownloadTokenRedemption,
  ): Promise<PendingEnrollment | undefined> {
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

  async claimMac(id: string, udid: string): Promise<boolean> {
    const claimed = await this.db(ENROLLMENTS)
      .where({ id })
      .andWhere(q => q.whereNull('udid').orWhere({ udid }))
      .update({ udid });
    return claimed > 0;
  }

  async refuse(id: string, refusal: DeviceRefusal): Promise<void> {
    await this.db(ENROLLMENTS)
      .where({ id })
      .update({ refused_reason: JSON.stringify(refusal) });
  }

  async complete(id: string, now: Date): Promise<boolean> {
    const first = await this.db(ENROLLMENTS)
      .where({ id })
      .whereNull('completed_at')
      .update({ completed_at: now });
    return first > 0;
  }

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
