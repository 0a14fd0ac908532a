import { EnrollmentEventType } from '@macenroll/plugin-enrollment-common';
import { Device } from '../../database/DeviceStore';
import { CheckinMessage } from '../checkinMessage';
import {
  deviceInformationCommand,
  securityInfoCommand,
  takesEnterpriseApplications,
} from '../commands';
import { MdmAnswer, OK } from '../mdmAnswer';
import { macLabel } from '../macLabel';
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
  // Read outside the transaction, which only writes; only a Mac not yet
  // enrolled gets it (the store's "first" is the same test).
  const agent =
    device.status !== 'enrolled' &&
    takesEnterpriseApplications(device.osVersion)
      ? await deps.agentCommand()
      : undefined;
  // One transaction: a database lost midway must not leave a token without
  // its enrollment's commands, or the Mac's retry would not be "first".
  const apply = (tx: MdmServiceDeps) =>
    applyTokenUpdate(tx, device, message, now, agent);
  return deps.atomically ? deps.atomically(apply) : apply(deps);
}

async function applyTokenUpdate(
  deps: MdmServiceDeps,
  device: Device,
  message: TokenUpdateMessage,
  now: Date,
  agent: Awaited<ReturnType<MdmServiceDeps['agentCommand']>>,
): Promise<MdmAnswer> {
  const { first } = await deps.devices.tokenUpdate({
    deviceId: device.id,
    token: message.token,
    pushMagic: message.pushMagic,
    now,
  });
  const invitationId = device.enrollmentId
    ? await completeEnrollment(deps, device.enrollmentId, now)
    : undefined;
  // For other systems, written once every change of this check-in is in.
  const happened: EnrollmentEventType[] = invitationId
    ? ['invitation.used']
    : [];
  if (first) {
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
      invitationId,
      message: `${macLabel(device)} enrolled`,
    });
    happened.push('computer.enrolled');
  } else if (await deps.commands.hasPending(device.id)) {
    // A new token after Apple dropped the old one: what waited goes now.
    await deps.queue.wake(device.id);
  }
  await deps.outbound?.computer(happened, device.id, now, { invitationId });
  return OK;
}

/**
 * Completes the enrollment; its first completion counts one use of the
 * invitation it came with (a use is a Mac that checked in). Returns that
 * invitation.
 */
async function completeEnrollment(
  deps: MdmServiceDeps,
  enrollmentId: string,
  now: Date,
): Promise<string | undefined> {
  if (!(await deps.enrollments.complete(enrollmentId, now))) return undefined;
  const enrollment = await deps.enrollments.get(enrollmentId);
  if (!enrollment?.invitationId) return undefined;
  await deps.invitations.recordUse(
    {
      invitationId: enrollment.invitationId,
      recipientId: enrollment.recipientId,
      enrollmentId,
    },
    now,
  );
  return enrollment.invitationId;
}
