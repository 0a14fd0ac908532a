import { CheckinMessage } from '../checkinMessage';
import { DeviceIdentity, IdentityError } from '../deviceIdentity';
import { MdmAnswer, OK } from '../mdmAnswer';
import { macLabel } from '../macLabel';
import { MdmServiceDeps } from '../mdmServiceDeps';

type AuthenticateMessage = Extract<CheckinMessage, { type: 'Authenticate' }>;

/**
 * Authenticate may take a UDID over only as a re-enrollment: refused while
 * the UDID belongs to another live identity unless re-enrollment is on, in
 * which case that identity is to be revoked (returned, not yet revoked).
 * An identity already bound to one Mac never authenticates as another.
 */
async function checkTakeover(
  deps: MdmServiceDeps,
  identity: DeviceIdentity,
  udid: string,
  enrollmentId: string,
  now: Date,
): Promise<string | undefined> {
  const { devices, certificates, settings } = deps;
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
  const replaced = await checkTakeover(
    deps,
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
    message: `${macLabel({
      udid: message.udid,
      name: message.deviceName,
      model: message.modelName ?? message.model,
      osVersion: message.osVersion,
      serialNumber: message.serialNumber,
    })} is installing the management profile`,
  });
  return OK;
}
