import { Device } from '../../database/DeviceStore';
import { CheckinMessage } from '../checkinMessage';
import {
  deviceInformationCommand,
  securityInfoCommand,
  takesEnterpriseApplications,
} from '../commands';
import { MdmAnswer, OK } from '../mdmAnswer';
import { MdmServiceDeps } from '../mdmServiceDeps';

type TokenUpdateMessage = Extract<CheckinMessage, { type: 'TokenUpdate' }>;

/**
 * The Mac's push token: the first one completes the enrollment and queues
 * the inventory commands (and the agent); a later one wakes what waited.
 */
export async function tokenUpdate(
  deps: MdmServiceDeps,
  device: Device,
  message: TokenUpdateMessage,
  now: Date,
): Promise<MdmAnswer> {
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
