import { randomUUID } from 'node:crypto';
import { LoggerService } from '@backstage/backend-plugin-api';
import {
  ClaimedDelivery,
  DeliveryStore,
  SentDelivery,
} from '../database/DeliveryStore';
import { EventRecorder } from '../database/EventStore';
import { InvitationCodes } from '../invitations/code';
import { invitationMessageTemplate } from './invitationMessage';
import { Mailer } from './Mailer';

/** How the invitation mail task paces itself (`enrollment.delivery`). */
export interface DeliverySettings {
  /** Recipients claimed at a time. */
  batchSize: number;
  /** Messages in flight at once (bounded by the SMTP pool too). */
  concurrency: number;
  /** How long a claim holds before another worker may take it over. */
  leaseMs: number;
  /** Attempts before a temporary failure becomes final. */
  maxAttempts: number;
  initialRetryMs: number;
  maxRetryMs: number;
}

export const DEFAULT_DELIVERY: DeliverySettings = {
  batchSize: 50,
  concurrency: 8,
  leaseMs: 5 * 60_000,
  maxAttempts: 10,
  initialRetryMs: 30_000,
  maxRetryMs: 60 * 60_000,
};

/**
 * A 5xx reply to a message or recipient is final (the address or the content
 * is refused); connection problems, timeouts, 4xx and refused credentials
 * are worth retrying — they heal when the relay or its config does.
 */
export function isPermanentSmtpError(error: unknown): boolean {
  const e = error as { responseCode?: number; code?: string };
  return (
    typeof e.responseCode === 'number' &&
    e.responseCode >= 500 &&
    e.code !== 'EAUTH'
  );
}

/** The delay before attempt `attempts + 1`: doubling from initialRetryMs, capped. */
export function retryDelayMs(
  attempts: number,
  settings: DeliverySettings,
): number {
  return Math.min(
    settings.initialRetryMs * 2 ** Math.max(0, attempts - 1),
    settings.maxRetryMs,
  );
}

function describe(error: unknown): string {
  const e = error as { message?: string; response?: string };
  return (e.response || e.message || String(error)).slice(0, 1000);
}

/**
 * The Message-ID of the invitation's message to one recipient. The same on
 * every attempt and every replica (the backend's host name is the part after
 * the `@`), so a message sent again after a crash between the relay's 250
 * and the database write carries the Message-ID of the first, and mail
 * systems can drop the duplicate.
 */
export function invitationMessageId(
  invitationId: string,
  recipientId: number,
  enrollUrl: string,
): string {
  let host = 'enrollment.invalid';
  try {
    host = new URL(enrollUrl).hostname.toLowerCase() || host;
  } catch {
    // keep the fallback
  }
  return `<${recipientId}.${invitationId}@${host}>`;
}

/**
 * A run stops taking more recipients after this, well before the task's
 * timeout (MAIL_TASK_TIMEOUT): the timeout is also how long the scheduler's
 * lock outlives a replica killed mid-run, so mail must not wait on it long.
 */
export const RUN_BUDGET_MS = 60_000;

/** Sent outcomes are written in groups of at most this many… */
export const MARK_GROUP_SIZE = 100;
/** …or after at most this long. */
export const MARK_LINGER_MS = 200;

/**
 * Collects sent outcomes and writes them in groups (one transaction each,
 * one after the other). Until its group is written a recipient stays
 * claimed: if the process dies first, the message is sent again after the
 * lease — with the same Message-ID — never lost.
 */
class SentMarks {
  private buffer: SentDelivery[] = [];
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();
  stored = 0;

  constructor(
    private readonly store: DeliveryStore,
    private readonly logger: LoggerService,
  ) {}

  add(sent: SentDelivery): void {
    this.buffer.push(sent);
    if (this.buffer.length >= MARK_GROUP_SIZE) {
      this.flush();
    } else if (!this.timer) {
      this.timer = setTimeout(() => this.flush(), MARK_LINGER_MS);
    }
  }

  /** Writes what is collected; resolves when everything so far is written. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const group = this.buffer.splice(0);
    if (group.length) {
      this.writing = this.writing.then(async () => {
        try {
          this.stored += await this.store.markSentMany(group, new Date());
        } catch (error) {
          // Their claims lapse and they are sent again, same Message-ID.
          this.logger.warn(
            `Could not record ${group.length} sent invitation message(s); they will be sent again after the lease: ${error}`,
          );
        }
      });
    }
    return this.writing;
  }
}

/** Sends invitation mail from the queue; run by the scheduler on one replica at a time. */
export class InvitationDelivery {
  constructor(
    private readonly deps: {
      store: DeliveryStore;
      events: EventRecorder;
      mailer: Mailer;
      codes: InvitationCodes;
      organization: string;
      /** `<backend.baseUrl>/enroll` */
      enrollUrl: () => Promise<string>;
      logger: LoggerService;
      settings: DeliverySettings;
    },
  ) {}

  /**
   * Sends everything due now; returns the counts of this run. Recipients are
   * claimed `batchSize` at a time, the next claim made while the last ones
   * are still going out, and sent by `concurrency` lanes; the sent outcomes
   * are written in groups.
   */
  async runOnce(): Promise<{ sent: number; retrying: number; failed: number }> {
    const { store, settings, logger } = this.deps;
    const started = Date.now();
    const totals = { sent: 0, retrying: 0, failed: 0 };
    const delivered = new Map<string, string[]>();
    const enrollUrl = await this.deps.enrollUrl();
    const templates = new Map<
      string,
      ReturnType<typeof invitationMessageTemplate>
    >();
    const marks = new SentMarks(store, logger);
    // A message is not started when its claim would run out before it is
    // surely done (the relay's time-outs are 10 s to connect, 30 s idle).
    const margin = Math.min(60_000, settings.leaseMs / 2);
    let skipped = 0;

    const queue: Array<{ d: ClaimedDelivery; claimedUntil: number }> = [];
    let claiming: Promise<void> | undefined;
    let claimError: unknown;
    // Retries stored so far: with no retry delay one can be due again at
    // once, so an empty claim only ends the run if none came after it began.
    let retriesStored = 0;
    let emptyClaimAfter = -1;
    // Set when a lane failed (the database, say): no more claims this run.
    let stopped = false;
    const more = () =>
      !stopped &&
      !claimError &&
      emptyClaimAfter !== retriesStored &&
      Date.now() - started < RUN_BUDGET_MS;
    const claim = async () => {
      const retriesBefore = retriesStored;
      const now = new Date();
      try {
        const batch = await store.claimDue({
          now,
          limit: settings.batchSize,
          leaseMs: settings.leaseMs,
          claimId: randomUUID(),
        });
        const claimedUntil = now.getTime() + settings.leaseMs;
        for (const d of batch) queue.push({ d, claimedUntil });
        if (!batch.length) emptyClaimAfter = retriesBefore;
      } catch (error) {
        claimError = error;
      }
    };

    /** Starts the next claim when the queue runs low; the one under way, if any. */
    const claimAhead = () => {
      if (!claiming && queue.length < settings.batchSize / 2 && more()) {
        claiming = claim().finally(() => {
          claiming = undefined;
        });
      }
      return claiming;
    };

    const lane = async () => {
      for (;;) {
        const pending = claimAhead();
        const next = queue.shift();
        if (!next) {
          if (pending) {
            await pending;
            continue;
          }
          return;
        }
        if (Date.now() > next.claimedUntil - margin) {
          skipped++; // left to whoever claims it after the lease
          continue;
        }
        const outcome = await this.deliver(next.d, enrollUrl, templates, marks);
        totals[outcome]++;
        if (outcome === 'retrying') retriesStored++;
        if (outcome === 'sent') {
          const list = delivered.get(next.d.invitation.id) ?? [];
          list.push(next.d.email);
          delivered.set(next.d.invitation.id, list);
        }
      }
    };
    // Every lane ends before the last marks are written, also on an error.
    const ended = await Promise.allSettled(
      Array.from({ length: settings.concurrency }, () =>
        lane().catch(error => {
          stopped = true;
          throw error;
        }),
      ),
    );
    await marks.flush();
    const failure = ended.find(
      (r): r is PromiseRejectedResult => r.status === 'rejected',
    );
    if (failure) throw failure.reason;
    if (claimError) throw claimError;
    await this.recordSent(delivered);
    if (totals.sent || totals.retrying || totals.failed) {
      logger.info(
        `Invitation mail: ${totals.sent} sent, ${totals.retrying} to retry, ${totals.failed} failed`,
      );
    }
    if (skipped) {
      logger.warn(
        `Invitation mail: ${skipped} message(s) not started because their claim was about to run out; they go out after the lease`,
      );
    }
    return totals;
  }

  /** One activity event per invitation and run: whom its mail reached. */
  private async recordSent(delivered: Map<string, string[]>): Promise<void> {
    for (const [invitationId, emails] of delivered) {
      const more = emails.length > 5 ? ` and ${emails.length - 5} more` : '';
      await this.deps.events.record({
        type: 'invitation.mail-sent',
        invitationId,
        message: `Invitation mail sent to ${emails
          .slice(0, 5)
          .join(', ')}${more}`,
      });
    }
  }

  private async deliver(
    d: ClaimedDelivery,
    enrollUrl: string,
    templates: Map<string, ReturnType<typeof invitationMessageTemplate>>,
    marks: SentMarks,
  ): Promise<'sent' | 'retrying' | 'failed'> {
    const { store, mailer, codes, settings } = this.deps;
    const code = codes.codeFor(
      d.invitation.id,
      d.invitation.codeNonce,
      d.ownLink ? d.email : undefined,
    );
    let template = templates.get(d.invitation.id);
    if (!template) {
      template = invitationMessageTemplate({
        organization: this.deps.organization,
        invitedBy: d.invitation.createdBy,
        expiresAt: d.invitation.expiresAt,
        subject: d.invitation.subject,
        invitationNumber: d.invitation.number,
        message: d.invitation.message,
        requireLogin: d.invitation.requireLogin,
      });
      templates.set(d.invitation.id, template);
    }
    const mail = {
      ...template(d.email, `${enrollUrl}?invitation=${code}`),
      messageId: invitationMessageId(d.invitation.id, d.recipientId, enrollUrl),
    };
    try {
      const { messageId } = await mailer.send(mail);
      marks.add({ delivery: d, messageId });
      return 'sent';
    } catch (error) {
      const reason = describe(error);
      if (isPermanentSmtpError(error) || d.attempts >= settings.maxAttempts) {
        await store.markFailed(d, reason);
        await this.deps.events.record({
          type: 'invitation.delivery-failed',
          invitationId: d.invitation.id,
          message: `Invitation mail to ${d.email} failed after ${d.attempts} attempt(s): ${reason}`,
        });
        return 'failed';
      }
      const nextAttempt = new Date(
        Date.now() + retryDelayMs(d.attempts, settings),
      );
      await store.markRetry(d, reason, nextAttempt);
      this.deps.logger.warn(
        `Invitation mail to a recipient of ${
          d.invitation.id
        } will be retried at ${nextAttempt.toISOString()}: ${reason}`,
      );
      return 'retrying';
    }
  }
}
