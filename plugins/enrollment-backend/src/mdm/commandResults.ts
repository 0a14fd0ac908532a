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

/**
 * What the Mac said went wrong, from the report's ErrorChain
 * (LocalizedDescription, else domain and code), for the command history.
 */
export function errorChainText(report: Record<string, unknown>): string {
  const status = str(report.Status) ?? 'Error';
  const chain = Array.isArray(report.ErrorChain) ? report.ErrorChain : [];
  const parts = chain
    .filter(
      (e): e is Record<string, unknown> => Boolean(e) && typeof e === 'object',
    )
    .map(e => {
      const text =
        str(e.LocalizedDescription) ?? str(e.USEnglishDescription) ?? '';
      const where = [str(e.ErrorDomain), e.ErrorCode]
        .filter(v => v !== undefined && v !== '')
        .join(' ');
      return [text, where && `(${where})`].filter(Boolean).join(' ');
    })
    .filter(Boolean);
  return (parts.length ? parts.join('; ') : status).slice(0, 2000);
}
