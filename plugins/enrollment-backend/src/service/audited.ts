import { AuditorService } from '@backstage/backend-plugin-api';
import { Request } from 'express';
import { EventStore } from '../database/EventStore';

/** The audit event's metadata (JSON). */
export type AuditMeta = NonNullable<
  Parameters<AuditorService['createEvent']>[0]['meta']
>;

/** What the plugin's activity log keeps of a successful admin change. */
export interface ActivityEntry {
  actor: string;
  message: string;
}

/**
 * Runs an admin change and records it in Backstage's audit stream, failed or
 * not; when it succeeds and `activity` is given, also in the plugin's own
 * event log, which admins read in the Activity tab.
 */
export type Audited = <T>(
  req: Request,
  eventId: string,
  meta: AuditMeta,
  action: () => Promise<T>,
  activity?: ActivityEntry,
) => Promise<T>;

export function createAudited(options: {
  auditor: AuditorService;
  events: EventStore;
}): Audited {
  const { auditor, events } = options;
  return async (req, eventId, meta, action, activity) => {
    const event = await auditor.createEvent({
      eventId,
      request: req,
      meta,
      severityLevel: 'medium',
    });
    let result;
    try {
      result = await action();
    } catch (error) {
      await event.fail({ error: error as Error });
      throw error;
    }
    await event.success();
    if (activity) {
      await events.record({
        type: `admin.${eventId}`,
        actor: activity.actor,
        message: activity.message,
        data: meta as Record<string, unknown>,
      });
    }
    return result;
  };
}
