import type { Computer } from '../types';

/**
 * The topic of Backstage's events service the enrollment backend publishes
 * on.
 *
 * @public
 */
export const ENROLLMENT_EVENTS_TOPIC = 'enrollment';

/**
 * What happened: a Mac finished enrolling (its first TokenUpdate), removed
 * its management profile (CheckOut), checked in with an invitation (a use),
 * or answered a command with Error or CommandFormatError.
 *
 * @public
 */
export type EnrollmentEventType =
  | 'computer.enrolled'
  | 'computer.unenrolled'
  | 'invitation.used'
  | 'command.failed';

/**
 * The payload of every event on the `enrollment` topic, and the JSON body
 * of the outgoing webhook (signed with `X-Hmac-Signature`).
 *
 * @public
 */
export interface EnrollmentEventPayload {
  /** Stable across retries: receivers drop an id they have seen. */
  id: string;
  type: EnrollmentEventType;
  /** ISO-8601. */
  occurredAt: string;
  /** The Mac as it stood when the event happened. */
  computer: Computer;
  invitation?: { id: string; number: number; createdBy: string };
  command?: { commandUuid: string; requestType: string; error?: string };
}
