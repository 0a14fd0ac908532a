import { LoggerService } from '@backstage/backend-plugin-api';
import plist from 'plist';
import { CertificateStore } from '../database/CertificateStore';
import { CommandStore } from '../database/CommandStore';
import { Device, DeviceStore } from '../database/DeviceStore';
import { EnrollmentStore } from '../database/EnrollmentStore';
import { EventRecorder } from '../database/EventStore';
import { SettingsStore } from '../database/SettingsStore';
import { BootstrapTokenSealer } from './bootstrapToken';
import { CheckinMessage } from './checkinMessage';
import {
  deviceInformationCommand,
  installAgentCommand,
  securityInfoCommand,
} from './commands';
import { DeviceIdentity, IdentityError } from './deviceIdentity';
import { applyCommandResult } from './commandResults';

/** An HTTP answer to the Mac: a status and, for some messages, a plist body. */
export interface MdmAnswer {
  status: number;
  body?: string;
}

const OK: MdmAnswer = { status: 200 };

/** Report Status → stored outcome; Error and CommandFormatError are errors. */
const OUTCOMES: Record<string, 'acknowledged' | 'notnow'> = {
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
      events: EventRecorder;
      settings: SettingsStore;
      sealer: BootstrapTokenSealer;
      /** The APNs topic the profile carries; a check-in with another is refused. */
      topic?: string;
      /** A manifest for InstallEnterpriseApplication after the first enrollment. */
      agentManifestUrl?: string;
      logger: LoggerService;
      clock?: () => Date;
    },
  ) {}

  private now() {
    return this.deps.clock?.() ?? new Date();
  }

  /** The device this identity was bound to at Authenticate, or a 403. */
  private async boundDevice(
    identity: DeviceIdentity,
    udid: string,
  ): Promise<Device> {
    const device = await this.deps.devices.findByUdid(udid);
    if (!device || device.certificateSha256 !== identity.sha256) {
      throw new IdentityError(
        403,
        'This identity certificate does not belong to this device',
      );
    }
    return device;
  }

  async checkin(
    identity: DeviceIdentity,
    message: CheckinMessage,
  ): Promise<MdmAnswer> {
    const now = this.now();
    const { deps } = this;
    if (message.type === 'Authenticate') {
      if (deps.topic && message.topic !== deps.topic) {
        throw new IdentityError(403, `Unexpected topic ${message.topic}`);
      }
      const enrollment = await deps.enrollments.get(
        identity.certificate.enrollmentId,
      );
      if (!enrollment)
        throw new IdentityError(403, 'No enrollment belongs to this identity');
      const existing = await deps.devices.findByUdid(message.udid);
      const settings = await deps.settings.get();
      if (
        existing?.status === 'enrolled' &&
        existing.enrollmentId !== enrollment.id &&
        !settings.allowReenrollment
      ) {
        throw new IdentityError(
          403,
          'This Mac is already enrolled and re-enrollment is turned off',
        );
      }
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

    const device = await this.boundDevice(identity, message.udid);
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
          await deps.commands.enqueue(
            device.id,
            deviceInformationCommand(),
            now,
          );
          await deps.commands.enqueue(device.id, securityInfoCommand(), now);
          if (deps.agentManifestUrl) {
            await deps.commands.enqueue(
              device.id,
              installAgentCommand(deps.agentManifestUrl),
              now,
            );
          }
          await deps.events.record({
            type: 'mdm.enrolled',
            computerId: device.id,
            message: `Computer ${message.udid} enrolled`,
          });
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
          now,
        );
        return OK;
      case 'GetBootstrapToken': {
        const token = device.bootstrapTokenSealed
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
    const device = await this.boundDevice(identity, udid);
    if (device.status !== 'enrolled') {
      return { status: 400, body: 'This device has not finished enrolling' };
    }
    await this.deps.devices.touch(device.id, now);
    // The user channel carries UserID; it gets no commands from this server.
    if (typeof report.UserID === 'string') return OK;

    const commandUuid =
      typeof report.CommandUUID === 'string' ? report.CommandUUID : undefined;
    if (commandUuid && status !== 'Idle') {
      const outcome = OUTCOMES[status] ?? 'error';
      const command = await this.deps.commands.recordResult(
        device.id,
        commandUuid,
        outcome,
        plist.build(report as plist.PlistValue),
        now,
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
    const next = await this.deps.commands.next(device.id, now);
    return next ? { status: 200, body: next.payload } : OK;
  }
}
