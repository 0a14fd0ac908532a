import { DeviceStore } from '../database/DeviceStore';

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

/** Copies what a command result says about the Mac into its computer record. */
export async function applyCommandResult(
  devices: DeviceStore,
  deviceId: string,
  requestType: string,
  report: Record<string, unknown>,
  now: Date,
): Promise<void> {
  if (requestType === 'DeviceInformation') {
    const q = (report.QueryResponses ?? {}) as Record<string, unknown>;
    await devices.updateReported(
      deviceId,
      {
        name: str(q.DeviceName),
        model: str(q.ModelName) ?? str(q.Model) ?? str(q.ProductName),
        osVersion: str(q.OSVersion),
        buildVersion: str(q.BuildVersion),
        serialNumber: str(q.SerialNumber),
      },
      now,
    );
  } else if (requestType === 'SecurityInfo') {
    const info = (report.SecurityInfo ?? {}) as Record<string, unknown>;
    const management = (info.ManagementStatus ?? {}) as Record<string, unknown>;
    if (typeof management.UserApprovedEnrollment === 'boolean') {
      await devices.updateReported(
        deviceId,
        { userApproved: management.UserApprovedEnrollment },
        now,
      );
    }
  }
}
