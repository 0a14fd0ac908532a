import {
  InvitationAdmission,
  InvitationStore,
  InvitationUse,
} from '../database/InvitationStore';
import { SiteStore } from '../database/SiteStore';
import { randomBytes, randomUUID } from 'node:crypto';
import {
  DEFAULT_PORTAL_SETTINGS,
  DeviceRefusal,
  DeviceRules,
  MdmCommand,
  PortalSettings,
  Site,
} from '@macenroll/plugin-enrollment-common';
import plist from 'plist';
import {
  CertificateStore,
  IssuedCertificate,
  IssuedCertificateRecord,
} from '../database/CertificateStore';
import {
  CommandBody,
  CommandOutcome,
  CommandStore,
  ForgottenCommands,
  INVENTORY_REQUEST_TYPES,
  QueuedCommand,
} from '../database/CommandStore';
import {
  Device,
  DeviceAuthentication,
  DeviceStore,
  PushTarget,
  PushTokenUpdate,
  RenewalCandidate,
  RenewalQuery,
  ReportedDeviceFields,
} from '../database/DeviceStore';
import {
  DownloadPurpose,
  DownloadTokenRedemption,
  EnrollmentStore,
  NewDownloadToken,
  NewEnrollment,
  PendingEnrollment,
} from '../database/EnrollmentStore';
import { EventRecorder, NewEnrollmentEvent } from '../database/EventStore';
import { PortalAccountStore } from '../database/PortalAccountStore';
import { SettingsStore } from '../database/SettingsStore';

// Test doubles of the stores MdmService works with (see mdm/mdmServiceDeps.ts),
// keeping the rules the database stores keep, so a service test with them
// fails where the service, not the SQL, goes wrong. Everything handed out is
// a copy: a caller changing it changes nothing stored, as with a database.

/** Issued certificates in a Map by SHA-256. */
export class MemoryCertificateStore implements CertificateStore {
  private readonly certificates = new Map<string, IssuedCertificate>();

  async record(cert: IssuedCertificateRecord): Promise<void> {
    if (!cert.computerId) {
      for (const other of this.certificates.values()) {
        if (other.enrollmentId === cert.enrollmentId && !other.revokedAt) {
          other.revokedAt = new Date();
        }
      }
    }
    this.certificates.set(cert.sha256, {
      serialNumber: cert.serialNumber,
      sha256: cert.sha256,
      enrollmentId: cert.enrollmentId,
      computerId: cert.computerId,
      subject: cert.subject,
      notBefore: cert.notBefore,
      notAfter: cert.notAfter,
    });
  }

  async findBySha256(sha256: string): Promise<IssuedCertificate | undefined> {
    const cert = this.certificates.get(sha256);
    return cert && { ...cert };
  }

  async bindComputer(sha256: string, computerId: string): Promise<void> {
    const cert = this.certificates.get(sha256);
    if (cert) cert.computerId = computerId;
  }

  async revoke(sha256: string, now: Date): Promise<void> {
    const cert = this.certificates.get(sha256);
    if (cert && !cert.revokedAt) cert.revokedAt = now;
  }

  /** Whether an identity names the enrollment (which then is never deleted). */
  refersTo(enrollmentId: string): boolean {
    return [...this.certificates.values()].some(
      c => c.enrollmentId === enrollmentId,
    );
  }
}

/** Enrollments and download tokens in Maps; tokens are kept as given. */
export class MemoryEnrollmentStore implements EnrollmentStore {
  private readonly enrollments = new Map<string, PendingEnrollment>();
  private readonly tokens = new Map<
    string,
    {
      sessionIdHash: string;
      enrollmentId: string;
      purpose: DownloadPurpose;
      expiresAt: number;
    }
  >();

  constructor(private readonly certificates: MemoryCertificateStore) {}

  async create(enrollment: NewEnrollment): Promise<PendingEnrollment> {
    const created = { ...enrollment, id: enrollment.id ?? randomUUID() };
    this.enrollments.set(created.id, created);
    return { ...created };
  }

  async get(id: string): Promise<PendingEnrollment | undefined> {
    const enrollment = this.enrollments.get(id);
    return enrollment && { ...enrollment };
  }

  async issueToken(options: NewDownloadToken): Promise<string> {
    const token = randomBytes(24).toString('base64url');
    this.tokens.set(token, {
      sessionIdHash: options.sessionIdHash,
      enrollmentId: options.enrollmentId,
      purpose: options.purpose,
      expiresAt: options.now.getTime() + options.ttlMs,
    });
    return token;
  }

  async redeemToken(
    options: DownloadTokenRedemption,
  ): Promise<PendingEnrollment | undefined> {
    const token = this.tokens.get(options.token);
    if (
      !token ||
      token.purpose !== options.purpose ||
      token.sessionIdHash !== options.sessionIdHash ||
      token.expiresAt <= options.now.getTime()
    ) {
      return undefined;
    }
    const enrollment = await this.get(token.enrollmentId);
    return enrollment?.completedAt ? undefined : enrollment;
  }

  async claimMac(id: string, udid: string): Promise<boolean> {
    const enrollment = this.enrollments.get(id);
    if (!enrollment || (enrollment.udid && enrollment.udid !== udid)) {
      return false;
    }
    enrollment.udid = udid;
    return true;
  }

  async refuse(id: string, refusal: DeviceRefusal): Promise<void> {
    const enrollment = this.enrollments.get(id);
    if (enrollment) enrollment.refusal = refusal;
  }

  async complete(id: string, now: Date): Promise<boolean> {
    const enrollment = this.enrollments.get(id);
    if (!enrollment || enrollment.completedAt) return false;
    enrollment.completedAt = now;
    return true;
  }

  async deleteExpired(now: Date): Promise<void> {
    for (const [token, { expiresAt }] of this.tokens) {
      if (expiresAt <= now.getTime()) this.tokens.delete(token);
    }
    for (const [id, enrollment] of this.enrollments) {
      if (
        enrollment.expiresAt <= now &&
        !enrollment.completedAt &&
        !this.certificates.refersTo(id)
      ) {
        this.enrollments.delete(id);
      }
    }
  }
}

/** A computer record as MemoryDeviceStore keeps it: the Device and the rest of its row. */
export type StoredDevice = Device &
  ReportedDeviceFields & {
    productName?: string;
    invitationId?: string;
    user?: PendingEnrollment['user'];
    topic?: string;
    pushToken?: Buffer;
    pushMagic?: string;
    pushTokenDeadAt?: Date;
    lastPushAt?: Date;
    lastPushError?: string;
    lastSeenAt?: Date;
    unenrolledAt?: Date;
  };

function toDevice(stored: StoredDevice): Device {
  return {
    id: stored.id,
    udid: stored.udid,
    status: stored.status,
    enrollmentId: stored.enrollmentId,
    certificateSha256: stored.certificateSha256,
    siteId: stored.siteId,
    bootstrapTokenSealed: stored.bootstrapTokenSealed,
    bootstrapTokenSha256: stored.bootstrapTokenSha256,
    userApproved: stored.userApproved,
    enrolledAt: stored.enrolledAt,
    name: stored.name,
    model: stored.model,
    serialNumber: stored.serialNumber,
    osVersion: stored.osVersion,
    renewalRequestedAt: stored.renewalRequestedAt,
    username: stored.user?.username,
  };
}

/** Computer records in a Map by id; renewal looks identities up in `certificates`. */
export class MemoryDeviceStore implements DeviceStore {
  private readonly devices = new Map<string, StoredDevice>();

  constructor(private readonly certificates: MemoryCertificateStore) {}

  /** The whole record of the Mac with this UDID, for assertions. */
  inspect(udid: string): StoredDevice | undefined {
    const stored = this.byUdid(udid);
    return stored && { ...stored };
  }

  private byUdid(udid: string): StoredDevice | undefined {
    return [...this.devices.values()].find(d => d.udid === udid);
  }

  /** As an UPDATE … WHERE id = ?: nothing happens for an unknown id. */
  private change(deviceId: string, update: Partial<StoredDevice>): void {
    const stored = this.devices.get(deviceId);
    if (stored) this.devices.set(deviceId, { ...stored, ...update });
  }

  async findByUdid(udid: string): Promise<Device | undefined> {
    const stored = this.byUdid(udid);
    return stored && toDevice(stored);
  }

  async findById(id: string): Promise<Device | undefined> {
    const stored = this.devices.get(id);
    return stored && toDevice(stored);
  }

  async authenticate(options: DeviceAuthentication): Promise<Device> {
    const { enrollment, device, now } = options;
    const existing = this.byUdid(options.udid);
    const keepSite =
      existing?.siteId && (enrollment.keepExistingSite || !enrollment.siteId);
    const stored: StoredDevice = {
      // A known Mac keeps its id, enrollment date and approval state.
      ...(existing ?? { id: randomUUID(), udid: options.udid }),
      serialNumber: device.serialNumber,
      name: device.name,
      model: device.model,
      osVersion: device.osVersion,
      buildVersion: device.buildVersion,
      productName: device.productName,
      status: 'enrolling',
      invitationId: enrollment.invitationId,
      siteId: keepSite ? existing!.siteId : enrollment.siteId,
      user: existing && options.keepUser ? existing.user : enrollment.user,
      enrollmentId: enrollment.id,
      certificateSha256: options.certificateSha256,
      topic: options.topic,
      // A new Authenticate starts the device over, as in the database.
      pushToken: undefined,
      pushMagic: undefined,
      pushTokenDeadAt: undefined,
      lastPushError: undefined,
      bootstrapTokenSealed: undefined,
      bootstrapTokenSha256: undefined,
      renewalRequestedAt: undefined,
      unenrolledAt: undefined,
      lastSeenAt: now,
    };
    this.devices.set(stored.id, stored);
    return toDevice(stored);
  }

  async tokenUpdate(options: PushTokenUpdate): Promise<{ first: boolean }> {
    const stored = this.devices.get(options.deviceId);
    if (!stored) throw new Error(`There is no device ${options.deviceId}`);
    const first = stored.status !== 'enrolled';
    this.change(options.deviceId, {
      status: 'enrolled',
      enrolledAt: first ? options.now : stored.enrolledAt,
      pushToken: Buffer.from(options.token),
      pushMagic: options.pushMagic,
      pushTokenDeadAt: undefined,
      lastPushError: undefined,
      lastSeenAt: options.now,
    });
    return { first };
  }

  async checkOut(deviceId: string, now: Date): Promise<void> {
    this.change(deviceId, {
      status: 'unenrolled',
      unenrolledAt: now,
      pushToken: undefined,
      pushMagic: undefined,
      bootstrapTokenSealed: undefined,
      bootstrapTokenSha256: undefined,
      renewalRequestedAt: undefined,
    });
  }

  async setBootstrapToken(
    deviceId: string,
    sealed: string | null,
    sha256: string,
  ): Promise<void> {
    this.change(deviceId, {
      bootstrapTokenSealed: sealed ?? undefined,
      bootstrapTokenSha256: sealed ? sha256 : undefined,
    });
  }

  async adoptIdentity(deviceId: string, sha256: string): Promise<void> {
    const stored = this.devices.get(deviceId);
    if (!stored) return;
    const escrowedByOld =
      stored.bootstrapTokenSha256 &&
      stored.bootstrapTokenSha256 === stored.certificateSha256;
    this.change(deviceId, {
      certificateSha256: sha256,
      bootstrapTokenSha256: escrowedByOld
        ? sha256
        : stored.bootstrapTokenSha256,
      renewalRequestedAt: undefined,
    });
  }

  async dueForRenewal(options: RenewalQuery): Promise<RenewalCandidate[]> {
    const due: RenewalCandidate[] = [];
    for (const stored of this.devices.values()) {
      const cert =
        stored.status === 'enrolled' && stored.certificateSha256
          ? await this.certificates.findBySha256(stored.certificateSha256)
          : undefined;
      if (
        cert &&
        !cert.revokedAt &&
        cert.notAfter < options.expiresBefore &&
        !(
          stored.renewalRequestedAt &&
          stored.renewalRequestedAt >= options.requestedBefore
        )
      ) {
        due.push({
          ...toDevice(stored),
          notAfter: cert.notAfter,
          username: stored.user?.username,
          realName: stored.user?.realName,
        });
      }
    }
    return due
      .sort((a, b) => a.notAfter.getTime() - b.notAfter.getTime())
      .slice(0, options.limit);
  }

  async markRenewalRequested(deviceId: string, now: Date): Promise<void> {
    this.change(deviceId, { renewalRequestedAt: now });
  }

  async pushTarget(deviceId: string): Promise<PushTarget | undefined> {
    const stored = this.devices.get(deviceId);
    if (stored?.status !== 'enrolled' || !stored.pushToken) return undefined;
    if (!stored.pushMagic) return undefined;
    return {
      token: Buffer.from(stored.pushToken),
      pushMagic: stored.pushMagic,
      deadAt: stored.pushTokenDeadAt,
    };
  }

  async markPushed(deviceId: string, now: Date): Promise<void> {
    this.change(deviceId, { lastPushAt: now, lastPushError: undefined });
  }

  async markPushFailed(deviceId: string, error: string): Promise<void> {
    this.change(deviceId, { lastPushError: error.slice(0, 1000) });
  }

  async markTokenDead(
    deviceId: string,
    pushedToken: Buffer,
    since: Date,
  ): Promise<void> {
    if (!this.devices.get(deviceId)?.pushToken?.equals(pushedToken)) return;
    this.change(deviceId, {
      pushTokenDeadAt: since,
      lastPushError: 'Unregistered',
    });
  }

  async updateReported(
    deviceId: string,
    reported: ReportedDeviceFields,
    now: Date,
  ): Promise<void> {
    const given = Object.entries(reported).filter(([, v]) => v !== undefined);
    this.change(deviceId, { ...Object.fromEntries(given), lastSeenAt: now });
  }

  async touch(deviceId: string, now: Date): Promise<void> {
    this.change(deviceId, { lastSeenAt: now });
  }
}

type StoredCommand = QueuedCommand & {
  sentAt?: Date;
  answeredAt?: Date;
  errorText?: string;
};

const PENDING = ['queued', 'sent', 'notnow'];

function toQueued(command: StoredCommand): QueuedCommand {
  return {
    commandUuid: command.commandUuid,
    computerId: command.computerId,
    requestType: command.requestType,
    payload: command.payload,
    status: command.status,
    result: command.result,
    createdAt: command.createdAt,
  };
}

function toMdmCommand(command: StoredCommand): MdmCommand {
  return {
    commandUuid: command.commandUuid,
    requestType: command.requestType,
    status: command.status,
    queuedAt: command.createdAt.toISOString(),
    sentAt: command.sentAt?.toISOString(),
    answeredAt: command.answeredAt?.toISOString(),
    error: command.errorText,
  };
}

/** The command queue in an array, in the order commands were queued. */
export class MemoryCommandStore implements CommandStore {
  private readonly commands: StoredCommand[] = [];

  private of(computerId: string): StoredCommand[] {
    return this.commands
      .filter(c => c.computerId === computerId)
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  }

  private find(computerId: string, commandUuid: string) {
    return this.commands.find(
      c => c.computerId === computerId && c.commandUuid === commandUuid,
    );
  }

  async enqueue(
    computerId: string,
    command: CommandBody,
    now: Date,
  ): Promise<QueuedCommand> {
    const uuid = randomUUID().toUpperCase();
    const stored: StoredCommand = {
      commandUuid: uuid,
      computerId,
      requestType: command.RequestType,
      payload: plist.build({
        CommandUUID: uuid,
        Command: command,
      } as plist.PlistValue),
      status: 'queued',
      createdAt: now,
    };
    this.commands.push(stored);
    return toQueued(stored);
  }

  async next(
    computerId: string,
    now: Date,
    options: { includeNotNow: boolean },
  ): Promise<QueuedCommand | undefined> {
    const rank = (c: StoredCommand) =>
      ['sent', 'queued', ...(options.includeNotNow ? ['notnow'] : [])].indexOf(
        c.status,
      );
    const [next] = this.of(computerId)
      .filter(c => rank(c) >= 0)
      .sort((a, b) => rank(a) - rank(b));
    if (!next) return undefined;
    // As the database store: what is returned was read before it was marked.
    const before = toQueued(next);
    next.status = 'sent';
    next.sentAt = now;
    return before;
  }

  async hasPending(computerId: string): Promise<boolean> {
    return this.of(computerId).some(c => PENDING.includes(c.status));
  }

  async clearPending(
    computerId: string,
    reason: string,
    now: Date,
  ): Promise<number> {
    const pending = this.of(computerId).filter(c => PENDING.includes(c.status));
    for (const command of pending) {
      command.status = 'error';
      command.errorText = reason;
      command.answeredAt = now;
    }
    return pending.length;
  }

  async forgetHistory(
    computerId: string,
    which: ForgottenCommands,
  ): Promise<number> {
    const forgotten = this.of(computerId).filter(
      c =>
        which === 'everything' ||
        (which === 'errors' && c.status === 'error') ||
        (which === 'all-but-acknowledged' && c.status !== 'acknowledged'),
    );
    return this.remove(forgotten);
  }

  async forgetInventory(computerId: string): Promise<number> {
    const types: readonly string[] = INVENTORY_REQUEST_TYPES;
    return this.remove(
      this.of(computerId).filter(c => types.includes(c.requestType)),
    );
  }

  private remove(commands: StoredCommand[]): number {
    for (const command of commands) {
      this.commands.splice(this.commands.indexOf(command), 1);
    }
    return commands.length;
  }

  async recordResult(
    computerId: string,
    uuid: string,
    status: CommandOutcome,
    result: string,
    now: Date,
    errorText?: string,
  ): Promise<QueuedCommand | undefined> {
    const command = this.find(computerId, uuid);
    if (!command) return undefined;
    command.status = status;
    command.result = result;
    command.answeredAt = now;
    command.errorText = errorText;
    return toQueued(command);
  }

  async list(computerId: string): Promise<QueuedCommand[]> {
    return this.of(computerId).map(toQueued);
  }

  async history(computerId: string, limit = 500): Promise<MdmCommand[]> {
    return this.of(computerId).reverse().slice(0, limit).map(toMdmCommand);
  }

  async get(
    computerId: string,
    commandUuid: string,
  ): Promise<MdmCommand | undefined> {
    const command = this.find(computerId, commandUuid);
    return command && toMdmCommand(command);
  }
}

/** The events recorded, in order, each with when it was recorded. */
export class MemoryEventRecorder implements EventRecorder {
  readonly events: Array<NewEnrollmentEvent & { createdAt: Date }> = [];

  async record(event: NewEnrollmentEvent): Promise<void> {
    this.events.push({ ...event, createdAt: new Date() });
  }

  /** The types of the events recorded, in order. */
  types(): string[] {
    return this.events.map(e => e.type);
  }
}

/** Portal settings: the defaults with `overrides`, until saved. */
export class MemorySettingsStore implements SettingsStore {
  private settings: PortalSettings;

  constructor(overrides: Partial<PortalSettings> = {}) {
    this.settings = structuredClone({
      ...DEFAULT_PORTAL_SETTINGS,
      ...overrides,
    });
  }

  async get(): Promise<PortalSettings> {
    return structuredClone(this.settings);
  }

  async save(settings: PortalSettings): Promise<PortalSettings> {
    this.settings = structuredClone(settings);
    return this.get();
  }
}

/** The invitation uses Macs counted as they checked in. */
export class MemoryInvitationUses
  implements Pick<InvitationStore, 'recordUse' | 'admission'>
{
  readonly recorded: InvitationUse[] = [];
  /** Each invitation's rules and allowlist, as a test sets them. */
  readonly rules = new Map<
    string,
    { deviceRules?: DeviceRules; serialNumbers?: string[] }
  >();

  async admission(
    id: string,
    serialNumber: string | undefined,
  ): Promise<InvitationAdmission | undefined> {
    const rules = this.rules.get(id);
    if (!rules?.serialNumbers?.length)
      return { deviceRules: rules?.deviceRules };
    return {
      deviceRules: rules.deviceRules,
      serialListed: rules.serialNumbers.includes(
        serialNumber?.trim().toUpperCase() ?? '',
      ),
    };
  }

  async recordUse(use: InvitationUse): Promise<void> {
    this.recorded.push({ ...use });
  }
}

/** Sites by id, for the device rules of MdmService. */
export class MemorySites implements Pick<SiteStore, 'get'> {
  readonly sites = new Map<string, Site>();

  async get(id: string): Promise<Site | undefined> {
    return this.sites.get(id);
  }
}

/** The local portal accounts that may re-enroll any Mac, by username. */
export class MemoryReenrollmentPrivileges
  implements Pick<PortalAccountStore, 'mayReenrollAnyMac'>
{
  readonly privileged = new Set<string>();

  async mayReenrollAnyMac(username: string): Promise<boolean> {
    return this.privileged.has(username);
  }
}

/**
 * The stores MdmService works with, in memory, sharing what the database
 * stores share (identities decide which enrollments stay and which Macs are
 * due for renewal).
 */
export function memoryMdmStores(settings: Partial<PortalSettings> = {}) {
  const certificates = new MemoryCertificateStore();
  return {
    certificates,
    enrollments: new MemoryEnrollmentStore(certificates),
    devices: new MemoryDeviceStore(certificates),
    commands: new MemoryCommandStore(),
    events: new MemoryEventRecorder(),
    settings: new MemorySettingsStore(settings),
    invitations: new MemoryInvitationUses(),
    sites: new MemorySites(),
    portalAccounts: new MemoryReenrollmentPrivileges(),
  };
}
