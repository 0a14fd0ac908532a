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
  userApproved?: boolean;
  enrolledAt?: Date;
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
      push_token_base64: null,
      push_magic: null,
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
      updated_at: now,
    });
  }

  async setBootstrapToken(
    deviceId: string,
    sealed: string | null,
    now: Date,
  ): Promise<void> {
    await this.db(TABLE)
      .where({ id: deviceId })
      .update({ bootstrap_token_sealed: sealed, updated_at: now });
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
