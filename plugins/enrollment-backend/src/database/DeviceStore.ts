import { randomUUID } from 'node:crypto';
import { Knex } from 'knex';
import { PendingEnrollment } from './EnrollmentStore';
import { toBool, toDate } from './rows';

const TABLE = 'enrollment_computers';

/** What the MDM side needs of a computer. */
export interface Device {
  id: string;
  udid: string;
  status: 'enrolling' | 'enrolled' | 'unenrolled';
  enrollmentId?: string;
  certificateSha256?: string;
  siteId?: string;
  bootstrapTokenSealed?: string;
  /** The identity that escrowed the bootstrap token; only it may read it back. */
  bootstrapTokenSha256?: string;
  userApproved?: boolean;
  enrolledAt?: Date;
  osVersion?: string;
  /** The InstallProfile that renews the identity was queued then. */
  renewalRequestedAt?: Date;
}

/** Where an APNs push for a computer goes, once it has a token. */
export interface PushTarget {
  token: Buffer;
  pushMagic: string;
  /** Apple said the token is unregistered (410); no pushes until a new TokenUpdate. */
  deadAt?: Date;
}

function toDevice(row: any): Device {
  return {
    id: row.id,
    udid: row.udid,
    status: row.status,
    enrollmentId: row.enrollment_id ?? undefined,
    certificateSha256: row.certificate_sha256 ?? undefined,
    siteId: row.site_id ?? undefined,
    bootstrapTokenSealed: row.bootstrap_token_sealed ?? undefined,
    bootstrapTokenSha256: row.bootstrap_token_sha256 ?? undefined,
    osVersion: row.os_version ?? undefined,
    renewalRequestedAt: toDate(row.renewal_requested_at),
    userApproved:
      row.user_approved === null ? undefined : toBool(row.user_approved),
    enrolledAt: toDate(row.enrolled_at),
  };
}

/** The computers' MDM state: identity binding, push tokens, enrollment status. */
export class DeviceStore {
  constructor(private readonly db: Knex) {}

  async findByUdid(udid: string): Promise<Device | undefined> {
    const row = await this.db(TABLE).where({ udid }).first();
    return row ? toDevice(row) : undefined;
  }

  async findById(id: string): Promise<Device | undefined> {
    const row = await this.db(TABLE).where({ id }).first();
    return row ? toDevice(row) : undefined;
  }

  /**
   * Authenticate: binds the identity certificate to the UDID and fills the
   * computer record from the portal enrollment. A known UDID re-enrolling
   * updates its one record.
   */
  async authenticate(options: {
    udid: string;
    certificateSha256: string;
    enrollment: PendingEnrollment;
    device: {
      serialNumber?: string;
      name?: string;
      model?: string;
      osVersion?: string;
      buildVersion?: string;
      productName?: string;
    };
    topic: string;
    now: Date;
  }): Promise<Device> {
    const { enrollment, device, now } = options;
    const existing = await this.findByUdid(options.udid);
    const keepSite =
      existing?.siteId && (enrollment.keepExistingSite || !enrollment.siteId);
    const user = enrollment.user;
    const values = {
      serial_number: device.serialNumber ?? null,
      name: device.name ?? null,
      model: device.model ?? null,
      os_version: device.osVersion ?? null,
      build_version: device.buildVersion ?? null,
      product_name: device.productName ?? null,
      status: 'enrolling',
      invitation_id: enrollment.invitationId ?? null,
      site_id: keepSite ? existing!.siteId : enrollment.siteId ?? null,
      user_username: user.username ?? null,
      user_real_name: user.realName ?? null,
      user_email: user.email ?? null,
      user_department: user.department ?? null,
      user_building: user.building ?? null,
      user_room: user.room ?? null,
      user_phone: user.phone ?? null,
      user_position: user.position ?? null,
      enrollment_id: enrollment.id,
      certificate_sha256: options.certificateSha256,
      topic: options.topic,
      // A new Authenticate starts the device over: Apple sends a new token,
      // and nothing escrowed under the old identity survives it.
      push_token_base64: null,
      push_magic: null,
      push_token_dead_at: null,
      last_push_error: null,
      bootstrap_token_sealed: null,
      bootstrap_token_sha256: null,
      renewal_requested_at: null,
      unenrolled_at: null,
      last_seen_at: now,
      updated_at: now,
    };
    if (existing) {
      await this.db(TABLE).where({ id: existing.id }).update(values);
    } else {
      await this.db(TABLE)
        .insert({
          id: randomUUID(),
          udid: options.udid,
          created_at: now,
          ...values,
        })
        .onConflict('udid')
        .merge(Object.keys(values));
    }
    return (await this.findByUdid(options.udid))!;
  }

  /**
   * TokenUpdate on the device channel: the Mac installed the profile and is
   * enrolled. Returns whether this is the first TokenUpdate of the enrollment.
   */
  async tokenUpdate(options: {
    deviceId: string;
    token: Buffer;
    pushMagic: string;
    now: Date;
  }): Promise<{ first: boolean }> {
    return this.db.transaction(async trx => {
      const row = await trx(TABLE).where({ id: options.deviceId }).first();
      const first = row.status !== 'enrolled';
      await trx(TABLE)
        .where({ id: options.deviceId })
        .update({
          status: 'enrolled',
          enrolled_at: first ? options.now : row.enrolled_at,
          push_token_base64: options.token.toString('base64'),
          push_magic: options.pushMagic,
          push_token_dead_at: null,
          last_push_error: null,
          last_seen_at: options.now,
          updated_at: options.now,
        });
      return { first };
    });
  }

  async checkOut(deviceId: string, now: Date): Promise<void> {
    await this.db(TABLE).where({ id: deviceId }).update({
      status: 'unenrolled',
      unenrolled_at: now,
      push_token_base64: null,
      push_magic: null,
      bootstrap_token_sealed: null,
      bootstrap_token_sha256: null,
      renewal_requested_at: null,
      updated_at: now,
    });
  }

  /** Escrows (or with null, deletes) the sealed bootstrap token of the identity `sha256`. */
  async setBootstrapToken(
    deviceId: string,
    sealed: string | null,
    sha256: string,
    now: Date,
  ): Promise<void> {
    await this.db(TABLE)
      .where({ id: deviceId })
      .update({
        bootstrap_token_sealed: sealed,
        bootstrap_token_sha256: sealed ? sha256 : null,
        updated_at: now,
      });
  }

  /**
   * The identity certificate the device now answers with (after a renewal);
   * a bootstrap token the old identity escrowed passes to the new one.
   */
  async adoptIdentity(
    deviceId: string,
    sha256: string,
    now: Date,
  ): Promise<void> {
    await this.db.transaction(async trx => {
      const row = await trx(TABLE).where({ id: deviceId }).first();
      await trx(TABLE)
        .where({ id: deviceId })
        .update({
          certificate_sha256: sha256,
          bootstrap_token_sha256:
            row.bootstrap_token_sha256 &&
            row.bootstrap_token_sha256 === row.certificate_sha256
              ? sha256
              : row.bootstrap_token_sha256,
          renewal_requested_at: null,
          updated_at: now,
        });
    });
  }

  /**
   * Enrolled computers whose identity expires before `expiresBefore` and
   * whose renewal was not asked for since `requestedBefore`.
   */
  async dueForRenewal(options: {
    expiresBefore: Date;
    requestedBefore: Date;
    limit: number;
  }): Promise<
    Array<Device & { notAfter: Date; username?: string; realName?: string }>
  > {
    const rows = await this.db(`${TABLE} as c`)
      .join(
        'enrollment_certificates as cert',
        'cert.sha256',
        'c.certificate_sha256',
      )
      .where('c.status', 'enrolled')
      .whereNull('cert.revoked_at')
      .andWhere('cert.not_after', '<', options.expiresBefore)
      .andWhere(q =>
        q
          .whereNull('c.renewal_requested_at')
          .orWhere('c.renewal_requested_at', '<', options.requestedBefore),
      )
      .orderBy('cert.not_after')
      .limit(options.limit)
      .select('c.*', 'cert.not_after as cert_not_after');
    return rows.map(row => ({
      ...toDevice(row),
      notAfter: toDate(row.cert_not_after)!,
      username: row.user_username ?? undefined,
      realName: row.user_real_name ?? undefined,
    }));
  }

  async markRenewalRequested(deviceId: string, now: Date): Promise<void> {
    await this.db(TABLE)
      .where({ id: deviceId })
      .update({ renewal_requested_at: now, updated_at: now });
  }

  async pushTarget(deviceId: string): Promise<PushTarget | undefined> {
    const row = await this.db(TABLE)
      .where({ id: deviceId, status: 'enrolled' })
      .select('push_token_base64', 'push_magic', 'push_token_dead_at')
      .first();
    if (!row?.push_token_base64 || !row.push_magic) return undefined;
    return {
      token: Buffer.from(row.push_token_base64, 'base64'),
      pushMagic: row.push_magic,
      deadAt: toDate(row.push_token_dead_at),
    };
  }

  /** Apple took a push for the device. */
  async markPushed(deviceId: string, now: Date): Promise<void> {
    await this.db(TABLE)
      .where({ id: deviceId })
      .update({ last_push_at: now, last_push_error: null });
  }

  /** Apple refused a push, or could not be reached. */
  async markPushFailed(deviceId: string, error: string): Promise<void> {
    await this.db(TABLE)
      .where({ id: deviceId })
      .update({ last_push_error: error.slice(0, 1000) });
  }

  /**
   * Apple answered 410: the token is dead since `since`, unless the Mac sent
   * a newer TokenUpdate after that (`pushedToken` no longer the stored one).
   */
  async markTokenDead(
    deviceId: string,
    pushedToken: Buffer,
    since: Date,
  ): Promise<void> {
    await this.db(TABLE)
      .where({
        id: deviceId,
        push_token_base64: pushedToken.toString('base64'),
      })
      .update({
        push_token_dead_at: since,
        last_push_error: 'Unregistered',
      });
  }

  /** Fields the Mac reported in command results. */
  async updateReported(
    deviceId: string,
    reported: {
      name?: string;
      model?: string;
      osVersion?: string;
      serialNumber?: string;
      buildVersion?: string;
      userApproved?: boolean;
    },
    now: Date,
  ): Promise<void> {
    const update: Record<string, unknown> = {
      updated_at: now,
      last_seen_at: now,
    };
    if (reported.name !== undefined) update.name = reported.name;
    if (reported.model !== undefined) update.model = reported.model;
    if (reported.osVersion !== undefined)
      update.os_version = reported.osVersion;
    if (reported.serialNumber !== undefined)
      update.serial_number = reported.serialNumber;
    if (reported.buildVersion !== undefined)
      update.build_version = reported.buildVersion;
    if (reported.userApproved !== undefined)
      update.user_approved = reported.userApproved;
    await this.db(TABLE).where({ id: deviceId }).update(update);
  }

  async touch(deviceId: string, now: Date): Promise<void> {
    await this.db(TABLE).where({ id: deviceId }).update({ last_seen_at: now });
  }
}
