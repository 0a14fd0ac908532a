import { ReenrollmentSettings } from '@macenroll/plugin-enrollment-common';
import { Device } from '../../database/DeviceStore';
import { PendingEnrollment } from '../../database/EnrollmentStore';
import { DeviceIdentity, IdentityError } from '../deviceIdentity';
import { macLabel } from '../macLabel';
import { MdmServiceDeps } from '../mdmServiceDeps';

/** What Authenticate may do with the UDID it is taking. */
export interface Takeover {
  /** The live identity of the Mac to revoke once the Mac is accepted. */
  replaced?: string;
  /** The computer the Mac already is, when it enrolls with a new enrollment. */
  reenrolled?: Device;
  /** The re-enrollment rules in force (Jamf's Re-enrollment settings). */
  rules: ReenrollmentSettings;
}

/**
 * Jamf's "Restrict re-enrollment to authorized users only": a known Mac
 * enrolls again only for the person recorded as its user (the portal login
 * name, any case), for a local portal account allowed to re-enroll any Mac,
 * or for a directory user in one of the authorized groups. A Mac recorded
 * with no user is re-enrolled only by those.
 */
async function authorizedToReenroll(
  deps: MdmServiceDeps,
  reenrolled: Device,
  enrollment: PendingEnrollment,
  rules: ReenrollmentSettings,
): Promise<boolean> {
  const who = enrollment.loginName?.toLowerCase();
  if (!who) return false;
  if (reenrolled.username && reenrolled.username.toLowerCase() === who) {
    return true;
  }
  if (enrollment.loginKind === 'ldap') {
    return inAuthorizedGroup(deps, enrollment.loginName!, rules);
  }
  return (
    enrollment.loginKind === 'local' &&
    (await deps.portalAccounts.mayReenrollAnyMac(enrollment.loginName!))
  );
}

/**
 * Whether the directory puts the person in an authorized group now, not
 * when they logged in: someone taken out of the group since has lost the
 * privilege. Names compare exactly, as the portal's group restriction does.
 * A directory that cannot answer grants nothing.
 */
async function inAuthorizedGroup(
  deps: MdmServiceDeps,
  username: string,
  rules: ReenrollmentSettings,
): Promise<boolean> {
  if (!rules.authorizedGroups.length || !deps.directory) return false;
  try {
    const person = await deps.directory.getUser(username);
    return (person?.groups ?? []).some(group =>
      rules.authorizedGroups.includes(group),
    );
  } catch (error) {
    deps.logger.warn(
      `Could not read the directory groups of ${username} for re-enrollment, so the groups grant nothing: ${error}`,
    );
    return false;
  }
}

/**
 * Authenticate may take a UDID over only as a re-enrollment: refused while
 * the UDID belongs to another live identity unless re-enrollment is on, in
 * which case that identity is to be revoked (returned, not yet revoked);
 * refused for anyone but an authorized user when re-enrollment is
 * restricted (nothing is written then but the refusal's event). An
 * identity already bound to one Mac never authenticates as another.
 */
export async function checkTakeover(
  deps: MdmServiceDeps,
  identity: DeviceIdentity,
  udid: string,
  enrollment: PendingEnrollment,
  now: Date,
): Promise<Takeover> {
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
  const saved = await settings.get();
  const rules = saved.reenrollment;
  const existing = await devices.findByUdid(udid);
  if (!existing || existing.certificateSha256 === identity.sha256) {
    return { rules };
  }
  const reenrollment = saved.allowReenrollment;
  if (
    existing.status === 'enrolled' &&
    existing.enrollmentId !== enrollment.id &&
    !reenrollment
  ) {
    throw new IdentityError(
      403,
      'This Mac is already enrolled and re-enrollment is turned off',
    );
  }
  const reenrolled =
    existing.enrollmentId !== enrollment.id ? existing : undefined;
  if (
    reenrolled &&
    rules.restrictToAuthorizedUsers &&
    !(await authorizedToReenroll(deps, reenrolled, enrollment, rules))
  ) {
    await refuse(deps, reenrolled, enrollment);
  }
  if (!existing.certificateSha256 || existing.status === 'unenrolled') {
    return { reenrolled, rules };
  }
  const current = await certificates.findBySha256(existing.certificateSha256);
  const live = current && !current.revokedAt && current.notAfter > now;
  if (!live) return { reenrolled, rules };
  if (!reenrollment) {
    throw new IdentityError(
      403,
      'This Mac is enrolled with another identity and re-enrollment is turned off',
    );
  }
  return { replaced: existing.certificateSha256, reenrolled, rules };
}

/** Records who was refused re-enrolling whose Mac, then refuses (403). */
async function refuse(
  deps: MdmServiceDeps,
  reenrolled: Device,
  enrollment: PendingEnrollment,
): Promise<never> {
  const recorded = reenrolled.username ?? 'no user';
  const who = enrollment.loginName ?? 'someone who did not log in';
  await deps.events.record({
    type: 'mdm.reenrollment-refused',
    actor: enrollment.loginName,
    computerId: reenrolled.id,
    invitationId: enrollment.invitationId,
    message: `${macLabel(
      reenrolled,
    )} was not re-enrolled: it is recorded as ${recorded}'s, and ${who} may not re-enroll it (re-enrollment is restricted to authorized users)`,
    data: {
      udid: reenrolled.udid,
      recordedUser: reenrolled.username ?? null,
      attemptedBy: enrollment.loginName ?? null,
      loginKind: enrollment.loginKind,
    },
  });
  // The Mac's profile installation fails on a non-200 answer.
  throw new IdentityError(
    403,
    'This Mac is recorded as another person’s: only its user or IT may enroll it again',
  );
}

/**
 * Whether the Mac keeps its recorded user and location: a re-enrollment
 * that names no user (no login, or a local account that chose no directory
 * person) while re-enrollment is not to clear them.
 */
export function keepsUser(
  takeover: Takeover,
  enrollment: PendingEnrollment,
): boolean {
  return Boolean(
    takeover.reenrolled &&
      !takeover.rules.clearUserAndLocation &&
      !enrollment.user.username,
  );
}

/**
 * Clears what the re-enrollment rules say of the Mac's history, before
 * Authenticate ends the pending commands that are left (Jamf's "all but
 * completed" cancels pending commands with the failed ones).
 */
export async function forgetOnReenrollment(
  deps: MdmServiceDeps,
  deviceId: string,
  takeover: Takeover,
): Promise<void> {
  if (!takeover.reenrolled) return;
  const { clearCommands, clearInventoryHistory } = takeover.rules;
  if (clearInventoryHistory) await deps.commands.forgetInventory(deviceId);
  if (clearCommands !== 'nothing') {
    await deps.commands.forgetHistory(deviceId, clearCommands);
  }
}
