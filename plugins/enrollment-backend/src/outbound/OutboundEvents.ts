import { randomUUID } from 'node:crypto';
import {
  EnrollmentEventPayload,
  EnrollmentEventType,
} from '@macenroll/plugin-enrollment-common';
import { ComputerStore } from '../database/ComputerStore';
import { InvitationStore } from '../database/InvitationStore';
import {
  OutboundChannel,
  OutboundEventStore,
} from '../database/OutboundEventStore';

/** The stores an event is written with: the caller's, or its transaction's. */
export interface OutboundEventStores {
  outbound: OutboundEventStore;
  computers: Pick<ComputerStore, 'get'>;
  invitations: Pick<InvitationStore, 'getOwner'>;
}

/** Which channels take which events. */
export interface OutboundRouting {
  /** Backstage notifications are installed: the invitation's creator hears of each Mac. */
  notifications: boolean;
  /** An outgoing webhook is configured. */
  webhook: boolean;
}

/**
 * Queues the events other systems hear of (see outboundEvents.ts in common)
 * in the outbox, in the caller's transaction where there is one, so an
 * event exists exactly when what it reports was stored. The dispatcher
 * delivers them.
 */
export class OutboundEvents {
  constructor(
    private readonly stores: OutboundEventStores,
    private readonly routing: OutboundRouting,
    /** Called once an event is queued; a transaction calls it after its commit. */
    private readonly queued: () => void,
  ) {}

  /** Has what was queued (in a transaction now committed) delivered. */
  announce(): void {
    this.queued();
  }

  /** The same events written on a transaction's stores, announced by `queued`. */
  within(stores: OutboundEventStores, queued: () => void): OutboundEvents {
    return new OutboundEvents(stores, this.routing, queued);
  }

  /**
   * Queues events about a computer, in the order given, each with the
   * computer as it is now (read once for all of them).
   */
  async computer(
    types: readonly EnrollmentEventType[],
    computerId: string,
    now: Date,
    details: {
      invitationId?: string;
      command?: EnrollmentEventPayload['command'];
    } = {},
  ): Promise<void> {
    if (!types.length) return;
    const computer = await this.stores.computers.get(computerId);
    if (!computer) return;
    const invitationId = details.invitationId ?? computer.invitationId;
    const invitation = invitationId
      ? await this.stores.invitations.getOwner(invitationId)
      : undefined;
    for (const type of types) {
      const event: EnrollmentEventPayload = {
        id: randomUUID(),
        type,
        occurredAt: now.toISOString(),
        computer,
        ...(invitation && { invitation }),
        ...(details.command && { command: details.command }),
      };
      await this.stores.outbound.add(event, this.channelsFor(event), now);
    }
    this.queued();
  }

  private channelsFor(event: EnrollmentEventPayload): OutboundChannel[] {
    const channels: OutboundChannel[] = ['events'];
    if (
      this.routing.notifications &&
      event.type === 'computer.enrolled' &&
      event.invitation?.createdBy.startsWith('user:')
    ) {
      channels.push('notifications');
    }
    if (this.routing.webhook) channels.push('webhook');
    return channels;
  }
}
