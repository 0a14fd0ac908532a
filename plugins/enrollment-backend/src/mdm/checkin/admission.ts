import { DeviceRules } from '@macenroll/plugin-enrollment-common';
import { PendingEnrollment } from '../../database/EnrollmentStore';
import { DeviceIdentity, IdentityError } from '../deviceIdentity';
import { authenticatingMacLabel } from '../macLabel';
import { MdmServiceDeps } from '../mdmServiceDeps';
import { describeRefusal, MacFacts, refusalFor } from './deviceRules';

/**
 * Refuses, before anything is claimed or written for it, a Mac that its
 * enrollment's invitation (serial allowlist, device rules) or site (device
 * rules) does not admit: the refusal is noted on the enrollment for the
 * portal and in the activity log, and Authenticate answers 403, so the
 * profile installation fails on the Mac.
 *
 * An identity issued for a computer (a renewal) belongs to a Mac admitted
 * before; rules changed since do not take it out of management.
 */
export async function admitMac(
  deps: MdmServiceDeps,
  identity: DeviceIdentity,
  enrollment: PendingEnrollment,
  mac: MacFacts & { udid: string; deviceName?: string },
): Promise<void> {
  if (identity.certificate.computerId) return;
  const rules: DeviceRules[] = [];
  const site = enrollment.siteId
    ? await deps.sites.get(enrollment.siteId)
    : undefined;
  if (site?.deviceRules) rules.push(site.deviceRules);
  const invitation = enrollment.invitationId
    ? await deps.invitations.admission(
        enrollment.invitationId,
        mac.serialNumber,
      )
    : undefined;
  if (invitation?.deviceRules) rules.push(invitation.deviceRules);
  const refusal = refusalFor(
    { rules, serialListed: invitation?.serialListed },
    mac,
  );
  if (!refusal) return;
  await deps.enrollments.refuse(enrollment.id, refusal);
  await deps.events.record({
    type: 'mdm.refused',
    invitationId: enrollment.invitationId,
    actor: enrollment.loginName,
    message: `${authenticatingMacLabel(
      mac,
    )} was refused at enrollment: ${describeRefusal(refusal)}${
      enrollment.invitationId ? ` (invitation ${enrollment.invitationId})` : ''
    }${site?.deviceRules ? ` (site ${site.name})` : ''}`,
    data: { ...refusal },
  });
  throw new IdentityError(
    403,
    `This Mac may not enroll here: ${describeRefusal(refusal)}`,
  );
}
