import { AuditorService } from '@backstage/backend-plugin-api';

/** The audit event's metadata (JSON). */
export type AuditMeta = NonNullable<
  Parameters<AuditorService['createEvent']>[0]['meta']
>;
import { Request } from 'express';

/** Runs an admin change and records it in the audit stream, failed or not. */
export async function audited<T>(
  auditor: AuditorService,
  req: Request,
  eventId: string,
  meta: AuditMeta,
  action: () => Promise<T>,
): Promise<T> {
  const event = await auditor.createEvent({
    eventId,
    request: req,
    meta,
    severityLevel: 'medium',
  });
  try {
    const result = await action();
    await event.success();
    return result;
  } catch (error) {
    await event.fail({ error: error as Error });
    throw error;
  }
}
