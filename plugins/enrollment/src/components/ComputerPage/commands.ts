import {
  AdminCommandType,
  CommandStatus,
  MdmCommand,
} from '@macenroll/plugin-enrollment-common';

/** The buttons' labels, which admins also read in the feedback. */
export const COMMAND_LABELS: Record<AdminCommandType, string> = {
  DeviceInformation: 'Update inventory',
  RestartDevice: 'Restart',
  DeviceLock: 'Lock',
  RemoveProfile: 'Remove from management',
};

/** Whether the Mac has yet to answer the command. */
export function isWaiting(status: CommandStatus): boolean {
  return status === 'queued' || status === 'sent';
}

/** Why a DeviceLock PIN would be refused, or undefined when it is fine. */
export function lockPinProblem(pin: string): string | undefined {
  // The backend refuses anything else, and a Mac accepts only six digits.
  return /^\d{6}$/.test(pin)
    ? undefined
    : 'The PIN must be exactly six digits.';
}

/** What the admin reads once the backend queued a command. */
export function queuedMessage(command: MdmCommand, pin?: string): string {
  const label =
    COMMAND_LABELS[command.requestType as AdminCommandType] ??
    command.requestType;
  const queued = `${label}: ${command.requestType} is ${command.status}. The Mac runs it when it checks in; its status below changes when it answers.`;
  return pin
    ? `${queued} The PIN that unlocks it is ${pin}: note it down, it is not shown again.`
    : queued;
}
