import { CommandStatus, MdmCommand } from '@macenroll/plugin-enrollment-common';

export type { CommandStatus };

export interface QueuedCommand {
  commandUuid: string;
  computerId: string;
  requestType: string;
  /** The plist XML sent to the Mac. */
  payload: string;
  status: CommandStatus;
  result?: string;
  createdAt: Date;
}

/**
 * The queries whose results are the Mac's inventory: their answered rows
 * are its inventory history.
 */
export const INVENTORY_REQUEST_TYPES = [
  'DeviceInformation',
  'SecurityInfo',
  'ProfileList',
  'InstalledApplicationList',
  'CertificateList',
  'ProvisioningProfileList',
] as const;

/** Which command history a re-enrollment forgets (see ReenrollmentSettings). */
export type ForgottenCommands =
  | 'errors'
  | 'all-but-acknowledged'
  | 'everything';

/** What the Mac answered to a command. */
export type CommandOutcome = 'acknowledged' | 'error' | 'notnow';

/** A command as the Mac gets it: its RequestType and the fields that go with it. */
export type CommandBody = { RequestType: string } & Record<string, unknown>;

/**
 * The per-computer MDM command queue, shared by every replica so that any of
 * them can serve a poll.
 */
export interface CommandStore {
  /** Queues a command for the computer under a new upper-case CommandUUID. */
  enqueue(
    computerId: string,
    command: CommandBody,
    now: Date,
  ): Promise<QueuedCommand>;
  /**
   * The next command to send, marked sent. As nanomdm orders them: one that
   * was sent but never answered goes again first, then the oldest queued
   * one; one the Mac put off (NotNow) comes back only when the Mac reports
   * Idle, never right after it said NotNow.
   */
  next(
    computerId: string,
    now: Date,
    options: { includeNotNow: boolean },
  ): Promise<QueuedCommand | undefined>;
  /** Whether anything waits to be sent to the computer (a reason to push). */
  hasPending(computerId: string): Promise<boolean>;
  /**
   * Closes every command not yet answered, as a new Authenticate does: they
   * were meant for the enrollment that ended. Returns how many.
   */
  clearPending(computerId: string, reason: string, now: Date): Promise<number>;
  /**
   * Deletes command history of the computer, as a re-enrollment set to clear
   * it does: the commands answered with an error, all but the acknowledged
   * ones (pending ones included), or all. Returns how many.
   */
  forgetHistory(computerId: string, which: ForgottenCommands): Promise<number>;
  /** Deletes the computer's inventory history: its {@link INVENTORY_REQUEST_TYPES} commands. */
  forgetInventory(computerId: string): Promise<number>;
  /** Records the Mac's answer to one of this computer's commands; undefined for an unknown command. */
  recordResult(
    computerId: string,
    commandUuid: string,
    status: CommandOutcome,
    /** The Mac's whole report, plist XML. */
    result: string,
    now: Date,
    /** What went wrong, in the Mac's words, for status `error`. */
    errorText?: string,
  ): Promise<QueuedCommand | undefined>;
  /** Every command of the computer, oldest first, with payload and result. */
  list(computerId: string): Promise<QueuedCommand[]>;
  /** The computer's command history for admins, newest first; at most `limit` (default 500). */
  history(computerId: string, limit?: number): Promise<MdmCommand[]>;
  /** One of the computer's commands as admins see it. */
  get(computerId: string, commandUuid: string): Promise<MdmCommand | undefined>;
}
