import { EnrollmentEventPayload } from '@macenroll/plugin-enrollment-common';
import { ClaimDueOptions } from './claims';

/**
 * Where an event goes: Backstage's events service, a Backstage notification
 * to the invitation's creator, the configured outgoing webhook. Each is
 * delivered and retried on its own, so one failing never repeats another.
 */
export type OutboundChannel = 'events' | 'notifications' | 'webhook';

export const OUTBOUND_CHANNELS: readonly OutboundChannel[] = [
  'events',
  'notifications',
  'webhook',
];

/** One event for one channel, held by a worker for its lease. */
export interface ClaimedOutboundEvent {
  id: string;
  claimId: string;
  channel: OutboundChannel;
  payload: EnrollmentEventPayload;
  /** Failed attempts so far, for the backoff. */
  attempts: number;
}

/** Events waiting to leave the plugin, one row per channel. */
export interface OutboundEventStore {
  /** Queues the event for each channel, due at once. */
  add(
    event: EnrollmentEventPayload,
    channels: readonly OutboundChannel[],
    now: Date,
  ): Promise<void>;
  /** Takes up to `limit` due events, oldest first; no two workers hold one. */
  claimDue(options: ClaimDueOptions): Promise<ClaimedOutboundEvent[]>;
  /** Delivered: gone, if this worker still held it. */
  delivered(claim: ClaimedOutboundEvent): Promise<void>;
  /** Not delivered yet: try again at `dueAt`. */
  retry(claim: ClaimedOutboundEvent, dueAt: Date, error: string): Promise<void>;
  /** Given up on: gone, like a delivered one. */
  drop(claim: ClaimedOutboundEvent): Promise<void>;
  /** When the earliest event no worker holds is due; undefined when none waits. */
  nextDue(): Promise<Date | undefined>;
  /** Events still waiting, per channel (for tests and the admin's view). */
  pending(): Promise<Record<OutboundChannel, number>>;
}
