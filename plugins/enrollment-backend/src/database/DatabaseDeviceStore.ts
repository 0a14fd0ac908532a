import { randomUUID } from 'node:crypto';
import { Knex } from 'knex';
import {
  Device,
  DeviceAuthentication,
  DeviceStore,
  PushTarget,
  PushTokenUpdate,
  RenewalCandidate,
  RenewalQuery,
  ReportedDeviceFields,
} from './DeviceStore';
import { toBool, toDate } from './rows';

const TABLE = 'enrollment_computers';

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
    name: row.name ?? undefined,
    model: row.model ?? undefined,
    serialNumber: row.serial_number ?? undefined,
    osVersion: row.os_version ?? undefined,
    renewalRequestedAt: toDate(row.renewal_requested_at),
    username: row.user_username ?? undefined,
    userApproved:
      row.user_approved === null ? undefined : toBool(row.user_approved),
    enrolledAt: toDate(row.enrolled_at),
  };
}

/** The Knex-backed device store: the MDM columns of the computer rows. */
export class DatabaseDeviceStore implements DeviceStore {
  constructor(private readonly db: Knex) {}

  async findByUdid(udid: string): Promise<Device | undefined> {
    const row = await this.db(TABLE).where({ udid }).first();
    return row ? toDevice(row) : undefined;
  }

  async findById(id: string): Promise<Device | undefined> {
    const row = await this.db(TABLE).where({ id }).first();
    return row ? toDevice(row) : undefined;
  }

  async authenticate(options: DeviceAuthentication): Promise<Device> {
    const { enrollment, device, now } = options;
    const existing = await this.findByUdid(options.udid);
    const keepSite =
      existing?.siteId && (enrollment.keepExistingSite || !enrollment.siteId);
    const user = enrollment.user;
    const userValues = {
      user_username: user.username ?? null,
      user_real_name: user.realName ?? null,
      user_email: user.email ?? null,
      user_department: user.department ?? null,
      user_building: user.building ?? null,
      user_room: user.room ?? null,
      user_phone: user.phone ?? null,
      user_position: user.position ?? null,
    };
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
      ...(existing && options.keepUser ? {} : userValues),
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

  async tokenUpdate(options: PushTokenUpdate): Promise<{ first: boolean }> {
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

  async dueForRenewal(options: RenewalQuery): Promise<RenewalCandidate[]> {
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

  async markPushed(deviceId: string, now: Date): Promise<void> {
    await this.db(TABLE)
      .where({ id: deviceId })
      .update({ last_push_at: now, last_push_error: null });
  }

  async markPushFailed(deviceId: string, error: string): Promise<void> {
    await this.db(TABLE)
      .where({ id: deviceId })
      .update({ last_push_error: error.slice(0, 1000) });
  }

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

  async updateReported(
    deviceId: string,
    reported: ReportedDeviceFields,
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
