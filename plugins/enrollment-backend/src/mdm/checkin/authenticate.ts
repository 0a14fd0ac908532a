import { CheckinMessage } from '../checkinMessage';
import { admitMac } from './admission';
import { DeviceIdentity, IdentityError } from '../deviceIdentity';
import { MdmAnswer, OK } from '../mdmAnswer';
import { authenticatingMacLabel } from '../macLabel';
import { MdmServiceDeps } from '../mdmServiceDeps';
import { checkTakeover, forgetOnReenrollment, keepsUser } from './reenrollment';

type AuthenticateMessage = Extract<CheckinMessage, { type: 'Authenticate' }>;

/**
 * The Mac installs the management profile: the identity is bound to the
 * Mac, the enrollment claimed, and any identity it replaces revoked.
 */
export async function authenticate(
  deps: MdmServiceDeps,
  identity: DeviceIdentity,
  message: AuthenticateMessage,
  now: Date,
): Promise<MdmAnswer> {
  const topic = await deps.topic();
  if (topic && message.topic !== topic) {
    throw new IdentityError(403, `Unexpected topic ${message.topic}`);
  }
  const enrollment = await deps.enrollments.get(
    identity.certificate.enrollmentId,
  );
  if (!enrollment)
    throw new IdentityError(403, 'No enrollment belongs to this identity');
  await admitMac(deps, identity, enrollment, message);
  const takeover = await checkTakeover(
    deps,
    identity,
    message.udid,
    enrollment,
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
  if (takeover.replaced) {
    await deps.certificates.revoke(takeover.replaced, now);
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
    keepUser: keepsUser(takeover, enrollment),
  });
  await deps.certificates.bindComputer(identity.sha256, device.id);
  await forgetOnReenrollment(deps, device.id, takeover);
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
    message: `${authenticatingMacLabel(
      message,
    )} is installing the management profile`,
  });
  return OK;
}
