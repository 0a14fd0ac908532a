import plist from 'plist';
import { macLabel } from './macLabel';
import { Device } from '../database/DeviceStore';
import { authenticate } from './checkin/authenticate';
import { getBootstrapToken, setBootstrapToken } from './checkin/bootstrapToken';
import { checkOut } from './checkin/checkOut';
import { tokenUpdate } from './checkin/tokenUpdate';
import { CheckinMessage } from './checkinMessage';
import { DeviceIdentity, IdentityError } from './deviceIdentity';
import { applyCommandResult, errorChainText } from './commandResults';
import { MdmAnswer, OK } from './mdmAnswer';
import { MdmServiceDeps } from './mdmServiceDeps';

export type { MdmAnswer } from './mdmAnswer';

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
  constructor(private readonly deps: MdmServiceDeps) {}

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
      message: `${macLabel(
        device,
      )} checked in with its renewed identity certificate (serial ${
        identity.certificate.serialNumber
      }); the old one is revoked`,
      data: { serialNumber: identity.certificate.serialNumber },
    });
    return (await this.deps.devices.findById(device.id))!;
  }

  /**
   * A check-in message. Authenticate comes before the Mac has a device
   * record; every other message needs the device the identity is bound to.
   */
  async checkin(
    identity: DeviceIdentity,
    message: CheckinMessage,
  ): Promise<MdmAnswer> {
    const now = this.now();
    const { deps } = this;
    if (message.type === 'Authenticate') {
      return authenticate(deps, identity, message, now);
    }
    const device = await this.boundDevice(identity, message.udid, now);
    switch (message.type) {
      case 'TokenUpdate':
        return tokenUpdate(deps, device, message, now);
      case 'CheckOut':
        return checkOut(deps, identity, device, message, now);
      case 'SetBootstrapToken':
        return setBootstrapToken(deps, identity, device, message, now);
      case 'GetBootstrapToken':
        return getBootstrapToken(deps, identity, device);
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
      if (command && outcome === 'error') {
        await this.deps.outbound?.computer(['command.failed'], device.id, now, {
          command: {
            commandUuid,
            requestType: command.requestType,
            error: errorChainText(report),
          },
        });
      }
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
