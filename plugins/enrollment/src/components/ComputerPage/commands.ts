import {
  ADMIN_COMMAND_TYPES,
  AdminCommandType,
  CommandStatus,
  MdmCommand,
} from '@macenroll/plugin-enrollment-common';
import { EnrollmentT } from '../../utils/translate';

function isAdminCommand(requestType: string): requestType is AdminCommandType {
  return (ADMIN_COMMAND_TYPES as readonly string[]).includes(requestType);
}

/**
 * A button's label, which admins also read in the feedback; a command this
 * page does not send goes by its request type.
 */
export function commandLabel(requestType: string, t: EnrollmentT): string {
  return isAdminCommand(requestType)
    ? t(`computer.commands.${requestType}`)
    : requestType;
}

/** Whether the Mac has yet to answer the command. */
export function isWaiting(status: CommandStatus): boolean {
  return status === 'queued' || status === 'sent';
}

/** Why a DeviceLock PIN would be refused, or undefined when it is fine. */
export function lockPinProblem(
  pin: string,
  t: EnrollmentT,
): string | undefined {
  // The backend refuses anything else, and a Mac accepts only six digits.
  return /^\d{6}$/.test(pin) ? undefined : t('computer.lock.pinProblem');
}

/** What the admin reads once the backend queued a command. */
export function queuedMessage(
  command: MdmCommand,
  t: EnrollmentT,
  pin?: string,
): string {
  const queued = t('computer.actions.queued', {
    label: commandLabel(command.requestType, t),
    requestType: command.requestType,
    status: command.status,
  });
  return pin ? `${queued} ${t('computer.actions.pinNote', { pin })}` : queued;
}
