import { randomUUID } from 'node:crypto';
import { LoggerService } from '@backstage/backend-plugin-api';
import { ClaimedDelivery, DeliveryStore } from '../database/DeliveryStore';
import { EventRecorder } from '../database/EventStore';
import { InvitationCodes } from '../invitations/code';
import { renderInvitationMessage } from './invitationMessage';
import { Mailer } from './Mailer';

/** How the invitation mail task paces itself (`enrollment.delivery`). */
export interface DeliverySettings {
  /** Recipients claimed per round. */
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
  concurrency: 4,
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

  /** Sends everything due now; returns the counts of this run. */
  async runOnce(): Promise<{ sent: number; retrying: number; failed: number }> {
    const totals = { sent: 0, retrying: 0, failed: 0 };
    const delivered = new Map<string, string[]>();
    // Bounded so one run cannot hold the task lock for ever.
    for (let round = 0; round < 100; round++) {
      const batch = await this.deps.store.claimDue({
        now: new Date(),
        limit: this.deps.settings.batchSize,
        leaseMs: this.deps.settings.leaseMs,
        claimId: randomUUID(),
      });
      if (!batch.length) break;
      let next = 0;
      const worker = async () => {
        while (next < batch.length) {
          const d = batch[next++];
          const outcome = await this.deliver(d);
          totals[outcome]++;
          if (outcome === 'sent')
            delivered.set(d.invitation.id, [
              ...(delivered.get(d.invitation.id) ?? []),
              d.email,
            ]);
        }
      };
      await Promise.all(
        Array.from(
          { length: Math.min(this.deps.settings.concurrency, batch.length) },
          worker,
        ),
      );
    }
    await this.recordSent(delivered);
    if (totals.sent || totals.retrying || totals.failed) {
      this.deps.logger.info(
        `Invitation mail: ${totals.sent} sent, ${totals.retrying} to retry, ${totals.failed} failed`,
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
  ): Promise<'sent' | 'retrying' | 'failed'> {
    const { store, mailer, codes, settings } = this.deps;
    const code = codes.codeFor(
      d.invitation.id,
      d.invitation.codeNonce,
      d.ownLink ? d.email : undefined,
    );
    const mail = renderInvitationMessage({
      to: d.email,
      organization: this.deps.organization,
      invitedBy: d.invitation.createdBy,
      url: `${await this.deps.enrollUrl()}?invitation=${code}`,
      expiresAt: d.invitation.expiresAt,
      subject: d.invitation.subject,
      invitationNumber: d.invitation.number,
      message: d.invitation.message,
      requireLogin: d.invitation.requireLogin,
    });
    try {
      const { messageId } = await mailer.send(mail);
      await store.markSent(d, messageId, new Date());
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
