import { randomUUID } from 'node:crypto';
import { LoggerService } from '@backstage/backend-plugin-api';
import { RunsInTurn } from '../lib/RunsInTurn';
import { EnrollmentEventPayload } from '@macenroll/plugin-enrollment-common';
import { EventRecorder } from '../database/EventStore';
import {
  ClaimedOutboundEvent,
  OutboundChannel,
  OutboundEventStore,
} from '../database/OutboundEventStore';

/** Delivers one event on one channel; throws to have it retried. */
export type OutboundDelivery = (event: EnrollmentEventPayload) => Promise<void>;

/** How deliveries are retried. */
export interface OutboundRetrySettings {
  /** The first retry's delay; it doubles up to maxRetryMs. */
  initialRetryMs: number;
  maxRetryMs: number;
  /** After this many failed attempts the event is given up and that is logged. */
  maxAttempts: number;
  /** How long a worker holds an event before another replica may take it. */
  leaseMs: number;
}

export const DEFAULT_OUTBOUND_RETRY: OutboundRetrySettings = {
  initialRetryMs: 10_000,
  maxRetryMs: 60 * 60_000,
  maxAttempts: 12,
  leaseMs: 60_000,
};

/** What one run did. */
export interface OutboundRunResult {
  delivered: number;
  retried: number;
  dropped: number;
}

const BATCH = 50;
// A retry due within this is run by this process's timer; later ones wait
// for the scheduled task on whichever replica runs it.
const LOCAL_RETRY_HORIZON_MS = 60_000;
const CLOCK_SLACK_MS = 5;

/**
 * Delivers the outbox: each event to each channel once it is stored, in
 * the order they happened, retried with backoff while a channel fails. The
 * process that queued an event delivers it at once (kick); the scheduled
 * task delivers what is left, on one replica at a time. A claim with a
 * lease keeps two replicas from delivering the same row; a worker that
 * dies after delivering but before recording it leaves the row to be
 * delivered again, so receivers drop an event id they have seen.
 */
export class OutboundDispatcher {
  private readonly runs = new RunsInTurn();
  private retryTimer?: { timer: NodeJS.Timeout; at: number };
  private kicked = false;

  constructor(
    private readonly deps: {
      store: OutboundEventStore;
      channels: Partial<Record<OutboundChannel, OutboundDelivery>>;
      activity: EventRecorder;
      logger: LoggerService;
      retry: OutboundRetrySettings;
      clock?: () => Date;
      /** Retry from this process's timer (default); off, only runOnce delivers. */
      retryLocally?: boolean;
    },
  ) {}

  private now() {
    return this.deps.clock?.() ?? new Date();
  }

  /** Delivers what was just queued, from this process, soon; never throws. */
  kick(): void {
    if (this.kicked) return;
    this.kicked = true;
    setImmediate(() => {
      this.kicked = false;
      this.runOnce().catch(error =>
        this.deps.logger.error(`Outbound event run failed: ${error.message}`),
      );
    });
  }

  /** Delivers every due event; the scheduled task and kick() call it. */
  async runOnce(): Promise<OutboundRunResult> {
    const result: OutboundRunResult = { delivered: 0, retried: 0, dropped: 0 };
    await this.runs.run(() => this.drain(result));
    await this.armRetryTimer();
    return result;
  }

  private async drain(result: OutboundRunResult): Promise<void> {
    const { store, retry } = this.deps;
    for (;;) {
      const claimId = randomUUID();
      const claims = await store.claimDue({
        now: this.now(),
        limit: BATCH,
        leaseMs: retry.leaseMs,
        claimId,
      });
      if (!claims.length) break;
      // In order within a channel: a Mac's enrollment before its removal.
      const byChannel = new Map<OutboundChannel, ClaimedOutboundEvent[]>();
      for (const claim of claims) {
        byChannel.set(claim.channel, [
          ...(byChannel.get(claim.channel) ?? []),
          claim,
        ]);
      }
      await Promise.all(
        [...byChannel.values()].map(async list => {
          for (const claim of list) await this.deliver(claim, result);
        }),
      );
      if (claims.length < BATCH) break;
    }
  }

  private async deliver(
    claim: ClaimedOutboundEvent,
    result: OutboundRunResult,
  ): Promise<void> {
    const { store, retry, logger } = this.deps;
    const delivery = this.deps.channels[claim.channel];
    if (!delivery) {
      // The channel was configured when the event was queued and is not now.
      await store.drop(claim);
      result.dropped++;
      return;
    }
    try {
      await delivery(claim.payload);
      await store.delivered(claim);
      result.delivered++;
    } catch (error) {
      const message = (error as Error).message ?? String(error);
      const attempts = claim.attempts + 1;
      if (attempts >= retry.maxAttempts) {
        await store.drop(claim);
        result.dropped++;
        await this.deps.activity.record({
          type: 'admin.outbound-failed',
          computerId: claim.payload.computer.id,
          message: `The ${claim.payload.type} event (${claim.payload.id}) was not delivered to the ${claim.channel} channel after ${attempts} attempts: ${message}`,
          data: { eventId: claim.payload.id, channel: claim.channel },
        });
        return;
      }
      const delayMs = Math.min(
        retry.initialRetryMs * 2 ** claim.attempts,
        retry.maxRetryMs,
      );
      await store.retry(
        claim,
        new Date(this.now().getTime() + delayMs),
        message,
      );
      result.retried++;
      logger.warn(
        `Delivering the ${claim.payload.type} event to ${
          claim.channel
        } failed (attempt ${attempts}), retrying in ${Math.round(
          delayMs / 1000,
        )} s: ${message}`,
      );
    }
  }

  /**
   * Arms this process's timer for the earliest event still waiting, when it
   * is due within the horizon; each run arms it again for the next. Later
   * retries, and events another replica held when it died, are the
   * scheduled task's.
   */
  private async armRetryTimer(): Promise<void> {
    if (this.deps.retryLocally === false) return;
    const next = await this.deps.store.nextDue();
    if (!next) return;
    // Timers may fire a millisecond before the clock says the row is due.
    const delayMs =
      Math.max(0, next.getTime() - this.now().getTime()) + CLOCK_SLACK_MS;
    if (delayMs > LOCAL_RETRY_HORIZON_MS) return;
    const at = Date.now() + delayMs;
    if (this.retryTimer && this.retryTimer.at <= at) return;
    if (this.retryTimer) clearTimeout(this.retryTimer.timer);
    const timer = setTimeout(() => {
      this.retryTimer = undefined;
      this.kick();
    }, delayMs);
    timer.unref();
    this.retryTimer = { timer, at };
  }

  /** Stops the retry timer (shutdown). */
  close(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer.timer);
    this.retryTimer = undefined;
  }
}
