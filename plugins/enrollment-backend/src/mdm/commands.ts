import { AdminCommandType } from '@macenroll/plugin-enrollment-common';

/** The command dictionaries this server queues (Apple's DeviceManagement commands). */

/** DeviceInformation: what fills the computer record (needs AccessRights 16). */
export function deviceInformationCommand() {
  return {
    RequestType: 'DeviceInformation',
    Queries: [
      'DeviceName',
      'Model',
      'ModelName',
      'ProductName',
      'OSVersion',
      'BuildVersion',
      'SerialNumber',
    ],
  };
}

/** SecurityInfo: its ManagementStatus.UserApprovedEnrollment says whether MDM is user approved (macOS 10.13.2+). */
export function securityInfoCommand() {
  return { RequestType: 'SecurityInfo' };
}

/**
 * InstallEnterpriseApplication (macOS 10.13.6+): installs the management
 * agent from a manifest, as Jamf installs its binary after enrollment. The
 * package must be a signed distribution package.
 */
export function installAgentCommand(manifestUrl: string) {
  // Not InstallAsManaged: that is for a package holding one app, which an
  // agent package seldom is.
  return {
    RequestType: 'InstallEnterpriseApplication',
    ManifestURL: manifestUrl,
  };
}

/** The PayloadIdentifier of the enrollment profile (see enrollmentProfile.ts). */
export const ENROLLMENT_PROFILE_IDENTIFIER = 'com.macenroll.enrollment';

/** The commands an admin sends from the computer page. */
export function adminCommand(request: {
  requestType: AdminCommandType;
  pin?: string;
  message?: string;
}): { RequestType: string } & Record<string, unknown> {
  switch (request.requestType) {
    case 'DeviceInformation':
      return deviceInformationCommand();
    case 'RestartDevice':
      return { RequestType: 'RestartDevice' };
    case 'DeviceLock':
      // macOS needs a six-digit PIN to unlock a Mac locked by MDM.
      return {
        RequestType: 'DeviceLock',
        PIN: request.pin,
        ...(request.message ? { Message: request.message } : {}),
      };
    case 'RemoveProfile':
      // Removing the enrollment profile takes the Mac out of management;
      // with CheckOutWhenRemoved it then sends CheckOut.
      return {
        RequestType: 'RemoveProfile',
        Identifier: ENROLLMENT_PROFILE_IDENTIFIER,
      };
    default:
      throw new Error(`Unknown command ${request.requestType}`);
  }
}

/**
 * Whether the Mac can take InstallEnterpriseApplication (macOS 10.13.6 and
 * later); an unknown version is given the benefit of the doubt.
 */
export function takesEnterpriseApplications(osVersion?: string): boolean {
  if (!osVersion) return true;
  const [major = 0, minor = 0, patch = 0] = osVersion
    .split('.')
    .map(n => Number.parseInt(n, 10) || 0);
  if (major !== 10) return major > 10;
  return minor > 13 || (minor === 13 && patch >= 6);
}
