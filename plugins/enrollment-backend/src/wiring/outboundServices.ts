import { EventsService } from '@backstage/plugin-events-node';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { ActivityLog } from '../activity/ActivityLog';
import {
  eventsDelivery,
  notificationDelivery,
} from '../outbound/backstageChannels';
import {
  DEFAULT_OUTBOUND_RETRY,
  OutboundDispatcher,
} from '../outbound/OutboundDispatcher';
import { OutboundEvents } from '../outbound/OutboundEvents';
import { webhookDelivery } from '../outbound/webhook';
import { EnrollmentServiceOptions } from './serviceOptions';

/** Where the plugin's events go beyond its own activity log. */
export interface OutboundPeers {
  events: EventsService;
  /** Present when the notifications backend is installed. */
  notifications?: NotificationService;
}

/**
 * The outbox of events for the events service, notifications and the
 * webhook: what queues them (in the caller's transaction) and what
 * delivers them.
 */
export function createOutboundServices(
  options: EnrollmentServiceOptions & OutboundPeers,
  activity: ActivityLog,
) {
  const { stores, settings, logger } = options;
  const webhook = settings.webhook;
  const dispatcher = new OutboundDispatcher({
    store: stores.outbound,
    channels: {
      events: eventsDelivery(options.events),
      ...(options.notifications && {
        notifications: notificationDelivery(options.notifications),
      }),
      ...(webhook && { webhook: webhookDelivery(webhook) }),
    },
    activity,
    logger,
    retry: {
      ...DEFAULT_OUTBOUND_RETRY,
      ...(webhook && {
        initialRetryMs: webhook.initialRetryMs,
        maxAttempts: webhook.maxAttempts,
      }),
    },
  });
  options.lifecycle.addShutdownHook(() => dispatcher.close());
  const outbound = new OutboundEvents(
    stores,
    { notifications: !!options.notifications, webhook: !!webhook },
    () => dispatcher.kick(),
  );
  return { outbound, dispatcher };
}
