import { randomUUID } from 'node:crypto';
import { LoggerService } from '@backstage/backend-plugin-api';
import { RunsInTurn } from '../lib/RunsInTurn';
import { DeviceStore } from '../database/DeviceStore';
import { EventRecorder } from '../database/EventStore';
import { ClaimedPush, PushQueueStore } from '../database/PushQueueStore';
import { ApnsClient, PushAnswer } from './ApnsClient';
import { PushCertificate } from './pushCertificate';
import { CurrentPushCertificate } from './PushCertificates';

/** How pushes are paced and retried. */
export interface PushSettings {
  /** `https://api.push.apple.com`, or a stand-in. */
  endpoint: string;
  /** Extra trust for the endpoint, PEM. */
  caPem?: string;
  /** Requests for one computer within this window go out as one push. */
  coalesceMs: number;
  /** Pushes in flight at once on the one connection. */
  concurrency: number;
  /** First retry delay after a 429, a 5xx or no answer; it doubles. */
  initialRetryMs: number;
  maxRetryMs: number;
  /** How long a worker holds a push before another replica may take it. */
  leaseMs: number;
}

export const DEFAULT_PUSH_SETTINGS: PushSettings = {
  endpoint: 'https://api.push.apple.com',
  coalesceMs: 1000,
  concurrency: 50,
  initialRetryMs: 5_000,
  maxRetryMs: 10 * 60_000,
  leaseMs: 60_000,
};

/** What one run did. */
export interface PushRunResult {
  sent: number;
  retried: number;
  dropped: number;
}

const BATCH = 500;

/**
 * Wakes Macs with APNs pushes. A request is written to the push queue
 * before anything is sent, so a push is never lost: the process that asked
 * sends it after the coalescing window, and the scheduled task retries what
 * failed on whichever replica runs it. A claim with a lease makes sure two
 * replicas never send the same push. No failure reaches the caller.
 */
export class PushService {
  private client?: { key: string; client: ApnsClient };
  private timer?: NodeJS.Timeout;
  private readonly runs = new RunsInTurn();

  constructor(
    private readonly deps: {
      queue: PushQueueStore;
      devices: DeviceStore;
      certificate: () => Promise<CurrentPushCertificate | undefined>;
      events: EventRecorder;
      logger: LoggerService;
      settings: PushSettings;
      clock?: () => Date;
    },
  ) {}

  private now() {
    return this.deps.clock?.() ?? new Date();
  }

  /** Asks for a push to the computer; never throws. */
  async request(computerId: string): Promise<void> {
    const now = this.now();
    try {
      await this.deps.queue.request(
        computerId,
        new Date(now.getTime() + this.deps.settings.coalesceMs),
        now,
      );
      this.kick();
    } catch (error) {
      this.deps.logger.error(
        `Could not queue a push for computer ${computerId}: ${
          (error as Error).message
        }`,
      );
    }
  }

  /**
   * Asks for a push in `queue` (a transaction's), without sending: the push
   * exists exactly when the transaction commits; call kick() after it.
   * Throws, failing the transaction, when it cannot be written.
   */
  async requestWithin(queue: PushQueueStore, computerId: string) {
    const now = this.now();
    await queue.request(
      computerId,
      new Date(now.getTime() + this.deps.settings.coalesceMs),
      now,
    );
  }

  /** Sends what is due soon from this process, without waiting for the scheduled task. */
  kick() {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.runOnce().catch(error =>
        this.deps.logger.error(`APNs push run failed: ${error.message}`),
      );
    }, this.deps.settings.coalesceMs);
    this.timer.unref();
  }

  /** Sends every due push; the scheduled task and kick() call it. */
  async runOnce(): Promise<PushRunResult> {
    const result: PushRunResult = { sent: 0, retried: 0, dropped: 0 };
    await this.runs.run(() => this.drain(result));
    return result;
  }

  private async drain(result: PushRunResult) {
    const current = await this.deps.certificate();
    if (!current) return; // Pending pushes wait for a push certificate.
    const client = this.clientFor(current.certificate);
    const { settings } = this.deps;
    for (;;) {
      const claims = await this.deps.queue.claimDue({
        now: this.now(),
        limit: BATCH,
        leaseMs: settings.leaseMs,
        claimId: randomUUID(),
      });
      if (!claims.length) return;
      let next = 0;
      const worker = async () => {
        while (next < claims.length) {
          const claim = claims[next++];
          await this.pushOne(client, current.certificate.topic, claim, result);
        }
      };
      await Promise.all(
        Array.from(
          { length: Math.min(settings.concurrency, claims.length) },
          worker,
        ),
      );
    }
  }

  private async pushOne(
    client: ApnsClient,
    topic: string,
    claim: ClaimedPush,
    result: PushRunResult,
  ) {
    const { queue, devices, events, settings } = this.deps;
    const target = await devices.pushTarget(claim.computerId);
    if (!target || target.deadAt) {
      // Not enrolled, no token yet, or Apple said the token is gone.
      await queue.finish(claim, this.now());
      result.dropped++;
      return;
    }
    let answer: PushAnswer;
    try {
      answer = await client.push({
        token: target.token,
        pushMagic: target.pushMagic,
        topic,
      });
    } catch (error) {
      answer = { status: 0, reason: (error as Error).message };
    }
    const now = this.now();
    const { status, reason } = answer;
    if (status === 200) {
      await devices.markPushed(claim.computerId, now);
      await queue.finish(claim, new Date(now.getTime() + settings.coalesceMs));
      result.sent++;
    } else if (status === 410) {
      const since = answer.timestamp ? new Date(answer.timestamp) : now;
      await devices.markTokenDead(claim.computerId, target.token, since);
      await queue.finish(claim, now);
      await events.record({
        type: 'mdm.push-unregistered',
        computerId: claim.computerId,
        message:
          'Apple says this Mac no longer has the push token (410 Unregistered): it gets no pushes until it checks in with a new token',
        data: { reason: reason ?? 'Unregistered' },
      });
      result.dropped++;
    } else if (status === 429 || status >= 500 || status === 0) {
      const why = status ? `${status} ${reason ?? ''}`.trim() : reason!;
      const delay = Math.min(
        settings.initialRetryMs * 2 ** claim.attempts,
        settings.maxRetryMs,
      );
      await devices.markPushFailed(claim.computerId, why);
      await queue.retry(claim, new Date(now.getTime() + delay), why);
      if (claim.attempts === 0) {
        this.deps.logger.warn(
          `APNs push for computer ${claim.computerId} failed (${why}); retrying with backoff`,
        );
      }
      result.retried++;
    } else {
      // 400, 403, 413: Apple will refuse this push however often it is sent.
      const why = `${status} ${reason ?? ''}`.trim();
      await devices.markPushFailed(claim.computerId, why);
      await queue.finish(claim, now);
      await events.record({
        type: 'mdm.push-refused',
        computerId: claim.computerId,
        message: `Apple refused the push (${why}); ${pushAdvice(reason)}`,
        data: { status, reason: reason ?? null },
      });
      result.dropped++;
    }
  }

  /** One client per push certificate: a new upload gets a new connection. */
  private clientFor(certificate: PushCertificate): ApnsClient {
    const key = `${certificate.serialNumber}:${certificate.notAfter.getTime()}`;
    if (this.client?.key !== key) {
      this.client?.client.close();
      this.client = {
        key,
        client: new ApnsClient({
          endpoint: this.deps.settings.endpoint,
          caPem: this.deps.settings.caPem,
          credentials: certificate,
        }),
      };
    }
    return this.client.client;
  }

  close(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.client?.client.close();
    this.client = undefined;
  }
}

/** What an admin can do about Apple's reason. */
function pushAdvice(reason: string | undefined): string {
  switch (reason) {
    case 'BadCertificate':
    case 'BadCertificateEnvironment':
    case 'ExpiredProviderToken':
      return 'check the push certificate in Settings (expired, revoked or for the wrong environment)';
    case 'TopicDisallowed':
    case 'BadTopic':
    case 'DeviceTokenNotForTopic':
      return "the Mac's profile names another topic than the push certificate; it must re-enroll";
    case 'BadDeviceToken':
      return 'the Mac sent a token Apple does not know; it gets a new one at its next TokenUpdate';
    default:
      return 'see Apple\'s "Handling notification responses from APNs"';
  }
}
