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
  return {
    RequestType: 'InstallEnterpriseApplication',
    ManifestURL: manifestUrl,
    InstallAsManaged: true,
  };
}
