import { LoggerService } from '@backstage/backend-plugin-api';
import plist from 'plist';
import { CertificateStore } from '../database/CertificateStore';
import { CommandStore } from '../database/CommandStore';
import { Device, DeviceStore } from '../database/DeviceStore';
import { EnrollmentStore } from '../database/EnrollmentStore';
import { EventRecorder } from '../database/EventStore';
import { SettingsStore } from '../database/SettingsStore';
import { SecretSealer } from '../pki/SecretSealer';
import { CheckinMessage } from './checkinMessage';
import { CommandQueue } from './CommandQueue';
import {
  deviceInformationCommand,
  securityInfoCommand,
  takesEnterpriseApplications,
} from './commands';
import { DeviceIdentity, IdentityError } from './deviceIdentity';
import { applyCommandResult, errorChainText } from './commandResults';

/** An HTTP answer to the Mac: a status and, for some messages, a plist body. */
export interface MdmAnswer {
  status: number;
  body?: string;
}

const OK: MdmAnswer = { status: 200 };

/** Report Status → stored outcome; Error and CommandFormatError are errors. */
const OUTCOMES: Partial<Record<string, 'acknowledged' | 'notnow'>> = {
  Acknowledged: 'acknowledged',
  NotNow: 'notnow',
};

/**
 * What happens on check-in and on the command channel, once the message's
 * identity is verified (see deviceIdentity.ts).
 */
export class MdmService {
  constructor(
    private readonly deps: {
      devices: DeviceStore;
      certificates: CertificateStore;
      enrollments: EnrollmentStore;
      commands: CommandStore;
      /** Queues commands and pushes so the Mac comes to fetch them. */
      queue: CommandQueue;
      events: EventRecorder;
      settings: SettingsStore;
      sealer: SecretSealer;
      /** The APNs topic profiles carry; a check-in with another is refused. */
      topic: () => Promise<string | undefined>;
      /** InstallEnterpriseApplication for the management agent, when one is set. */
      agentCommand: () => Promise<
        ({ RequestType: string } & Record<string, unknown>) | undefined
      >;
      logger: LoggerService;
      clock?: () => Date;
    },
  ) {}

  private now() {
    return this.deps.clock?.() ?? new Date();
  }

  /**
   * The device this identity belongs to, or a 403. An identity is bound to
   * the one Mac it first authenticated as; a renewal identity (issued for
   * the computer by the renewal profile) takes over from the old one the
   * first time the Mac uses it, and the old one is revoked.
   */
  private async boundDevice(
    identity: DeviceIdentity,
    udid: string,
    now: Date,
  ): Promise<Device> {
    const device = await this.deps.devices.findByUdid(udid);
    if (!device) {
      throw new IdentityError(403, 'This device has not enrolled here');
    }
    if (device.certificateSha256 === identity.sha256) return device;
    if (
      identity.certificate.computerId !== device.id ||
      identity.certificate.revokedAt
    ) {
      throw new IdentityError(
        403,
        'This identity certificate does not belong to this device',
      );
    }
    const old = device.certificateSha256;
    await this.deps.devices.adoptIdentity(device.id, identity.sha256, now);
    if (old) await this.deps.certificates.revoke(old, now);
    await this.deps.events.record({
      type: 'mdm.identity-renewed',
      computerId: device.id,
      message: `${udid} checked in with its renewed identity certificate (serial ${identity.certificate.serialNumber}); the old one is revoked`,
      data: { serialNumber: identity.certificate.serialNumber },
    });
    return (await this.deps.devices.findById(device.id))!;
  }

  /**
   * Authenticate may take a UDID over only as a re-enrollment: refused while
   * the UDID belongs to another live identity unless re-enrollment is on, in
   * which case that identity is to be revoked (returned, not yet revoked).
   * An identity already bound to one Mac never authenticates as another.
   */
  private async checkTakeover(
    identity: DeviceIdentity,
    udid: string,
    enrollmentId: string,
    now: Date,
  ): Promise<string | undefined> {
    const { devices, certificates, settings } = this.deps;
    if (identity.certificate.computerId) {
      const owner = await devices.findById(identity.certificate.computerId);
      if (owner && owner.udid !== udid) {
        throw new IdentityError(
          403,
          'This identity certificate belongs to another Mac',
        );
      }
    }
    const existing = await devices.findByUdid(udid);
    if (!existing || existing.certificateSha256 === identity.sha256) {
      return undefined;
    }
    const reenrollment = (await settings.get()).allowReenrollment;
    if (
      existing.status === 'enrolled' &&
      existing.enrollmentId !== enrollmentId &&
      !reenrollment
    ) {
      throw new IdentityError(
        403,
        'This Mac is already enrolled and re-enrollment is turned off',
      );
    }
    if (!existing.certificateSha256 || existing.status === 'unenrolled') {
      return undefined;
    }
    const current = await certificates.findBySha256(existing.certificateSha256);
    const live = current && !current.revokedAt && current.notAfter > now;
    if (!live) return undefined;
    if (!reenrollment) {
      throw new IdentityError(
        403,
        'This Mac is enrolled with another identity and re-enrollment is turned off',
      );
    }
    return existing.certificateSha256;
  }

  async checkin(
    identity: DeviceIdentity,
    message: CheckinMessage,
  ): Promise<MdmAnswer> {
    const now = this.now();
    const { deps } = this;
    if (message.type === 'Authenticate') {
      const topic = await deps.topic();
      if (topic && message.topic !== topic) {
        throw new IdentityError(403, `Unexpected topic ${message.topic}`);
      }
      const enrollment = await deps.enrollments.get(
        identity.certificate.enrollmentId,
      );
      if (!enrollment)
        throw new IdentityError(403, 'No enrollment belongs to this identity');
      const replaced = await this.checkTakeover(
        identity,
        message.udid,
        enrollment.id,
        now,
      );
      // One enrollment enrolls one Mac: identities re-issued from its
      // profile cannot take it to another UDID. Claimed only once the Mac
      // is accepted, so a refused Mac does not use the enrollment up.
      if (!(await deps.enrollments.claimMac(enrollment.id, message.udid))) {
        throw new IdentityError(
          403,
          'This enrollment belongs to another Mac: start again at the portal on this Mac',
        );
      }
      if (replaced) await deps.certificates.revoke(replaced, now);
      const device = await deps.devices.authenticate({
        udid: message.udid,
        certificateSha256: identity.sha256,
        enrollment,
        device: {
          serialNumber: message.serialNumber,
          name: message.deviceName,
          model: message.model ?? message.productName,
          osVersion: message.osVersion,
          buildVersion: message.buildVersion,
          productName: message.productName,
        },
        topic: message.topic,
        now,
      });
      await deps.certificates.bindComputer(identity.sha256, device.id);
      // As nanomdm does: a new Authenticate starts the device's queue over.
      await deps.commands.clearPending(
        device.id,
        'Not delivered: the Mac enrolled again (Authenticate clears its queue)',
        now,
      );
      await deps.events.record({
        type: 'mdm.authenticate',
        computerId: device.id,
        invitationId: enrollment.invitationId,
        message: `${message.deviceName ?? message.udid} (${
          message.serialNumber ?? 'no serial'
        }) is installing the management profile`,
      });
      return OK;
    }

    const device = await this.boundDevice(identity, message.udid, now);
    switch (message.type) {
      case 'TokenUpdate': {
        // The user channel (per-user connections) needs no record of its own yet.
        if (message.userId) return OK;
        const { first } = await deps.devices.tokenUpdate({
          deviceId: device.id,
          token: message.token,
          pushMagic: message.pushMagic,
          now,
        });
        if (device.enrollmentId)
          await deps.enrollments.complete(device.enrollmentId, now);
        if (first) {
          const agent = takesEnterpriseApplications(device.osVersion)
            ? await deps.agentCommand()
            : undefined;
          await deps.queue.queue(
            device.id,
            [
              deviceInformationCommand(),
              securityInfoCommand(),
              ...(agent ? [agent] : []),
            ],
            now,
          );
          await deps.events.record({
            type: 'mdm.enrolled',
            computerId: device.id,
            message: `Computer ${message.udid} enrolled`,
          });
        } else if (await deps.commands.hasPending(device.id)) {
          // A new token after Apple dropped the old one: what waited goes now.
          await deps.queue.wake(device.id);
        }
        return OK;
      }
      case 'CheckOut':
        await deps.devices.checkOut(device.id, now);
        // The identity is of no further use; a re-enrollment gets a new one.
        await deps.certificates.revoke(identity.sha256, now);
        await deps.events.record({
          type: 'mdm.checked-out',
          computerId: device.id,
          message: `Computer ${message.udid} removed its management profile`,
        });
        return OK;
      case 'SetBootstrapToken':
        await deps.devices.setBootstrapToken(
          device.id,
          message.bootstrapToken.length
            ? deps.sealer.seal(message.bootstrapToken)
            : null,
          identity.sha256,
          now,
        );
        return OK;
      case 'GetBootstrapToken': {
        // Released only to the identity that escrowed it.
        const token =
          device.bootstrapTokenSealed &&
          device.bootstrapTokenSha256 === identity.sha256
            ? deps.sealer.unseal(device.bootstrapTokenSealed)
            : undefined;
        return {
          status: 200,
          body: plist.build(
            (token ? { BootstrapToken: token } : {}) as plist.PlistValue,
          ),
        };
      }
      case 'UserAuthenticate':
        // Apple: "If the server isn't going to manage the user, it returns a 410."
        return { status: 410 };
      default:
        return {
          status: 400,
          body: `Unsupported check-in message ${message.messageType}`,
        };
    }
  }

  /** The command channel: record what the Mac reports, answer with the next command. */
  async connect(
    identity: DeviceIdentity,
    report: Record<string, unknown>,
  ): Promise<MdmAnswer> {
    const now = this.now();
    const udid = typeof report.UDID === 'string' ? report.UDID : '';
    const status = typeof report.Status === 'string' ? report.Status : '';
    if (!udid || !status)
      return { status: 400, body: 'A report needs UDID and Status' };
    const device = await this.boundDevice(identity, udid, now);
    if (device.status !== 'enrolled') {
      return { status: 400, body: 'This device has not finished enrolling' };
    }
    await this.deps.devices.touch(device.id, now);
    // The user channel carries UserID; it gets no commands from this server.
    if (typeof report.UserID === 'string') return OK;

    const commandUuid =
      typeof report.CommandUUID === 'string' ? report.CommandUUID : undefined;
    if (commandUuid && status !== 'Idle') {
      const outcome: 'acknowledged' | 'notnow' | 'error' =
        OUTCOMES[status] ?? 'error';
      const command = await this.deps.commands.recordResult(
        device.id,
        commandUuid,
        outcome,
        plist.build(report as plist.PlistValue),
        now,
        outcome === 'error' ? errorChainText(report) : undefined,
      );
      if (command && outcome === 'acknowledged') {
        await applyCommandResult(
          this.deps.devices,
          device.id,
          command.requestType,
          report,
          now,
        );
      }
      // Apple: after NotNow the Mac expects no more commands until it polls again.
      if (outcome === 'notnow') return OK;
    }
    const next = await this.deps.commands.next(device.id, now, {
      includeNotNow: status === 'Idle',
    });
    return next ? { status: 200, body: next.payload } : OK;
  }
}
