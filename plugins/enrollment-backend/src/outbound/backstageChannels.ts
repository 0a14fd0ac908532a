import { EventsService } from '@backstage/plugin-events-node';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { ENROLLMENT_EVENTS_TOPIC } from '@macenroll/plugin-enrollment-common';
import { OutboundDelivery } from './OutboundDispatcher';

/** Publishes on Backstage's events service, topic `enrollment`. */
export function eventsDelivery(events: EventsService): OutboundDelivery {
  return event =>
    events.publish({
      topic: ENROLLMENT_EVENTS_TOPIC,
      eventPayload: event,
      metadata: { type: event.type },
    });
}

/**
 * Tells the invitation's creator, through Backstage notifications, that a
 * Mac enrolled with their invitation.
 */
export function notificationDelivery(
  notifications: NotificationService,
): OutboundDelivery {
  return async event => {
    if (!event.invitation) return;
    const { computer, invitation } = event;
    const person = computer.user.realName ?? computer.user.username;
    await notifications.send({
      recipients: { type: 'entity', entityRef: invitation.createdBy },
      payload: {
        title: `${computer.name ?? 'A Mac'} (${
          computer.model ?? 'Mac'
        }) enrolled with invitation #${invitation.number}`,
        description: person
          ? `${person} enrolled their Mac (serial ${
              computer.serialNumber ?? 'unknown'
            }).`
          : `Serial ${computer.serialNumber ?? 'unknown'}.`,
        link: `/enrollment/invitations/${invitation.id}`,
        severity: 'normal',
        topic: 'enrollment',
        // Keyed by the event: delivering it again updates this notification.
        scope: `enrollment:computer:${computer.id}:${event.id}`,
      },
    });
  };
}
