import { SchedulerService } from '@backstage/backend-plugin-api';

export const MAIL_TASK_ID = 'enrollment-invitation-mail';

// A task's timeout is also how long its lock outlives a replica that died
// while running it (the scheduler cannot tell a dead holder from a slow
// one): short, so a killed replica stalls mail and pushes for minutes at
// most. A mail run stops claiming after RUN_BUDGET_MS (one minute).
const MAIL_TASK_TIMEOUT = { minutes: 2 };
const PUSH_TASK_TIMEOUT = { minutes: 2 };

/**
 * The plugin's background work, through Backstage's scheduler so that of
 * several replicas on one database only one runs each task at a time.
 */
export async function scheduleEnrollmentTasks(
  scheduler: SchedulerService,
  work: {
    /** Sends due invitation mail. */
    deliverMail: () => Promise<unknown>;
    deliveryIntervalSeconds: number;
    /** Retries pushes Apple did not take. */
    retryPushes: () => Promise<unknown>;
    /** Sends renewal profiles to Macs whose identity expires soon. */
    renewIdentities: () => Promise<unknown>;
    /** Delivers the events other systems hear of that are still waiting. */
    deliverEvents: () => Promise<unknown>;
    cleanup: () => Promise<void>;
  },
): Promise<void> {
  await scheduler.scheduleTask({
    id: MAIL_TASK_ID,
    frequency: { seconds: work.deliveryIntervalSeconds },
    timeout: MAIL_TASK_TIMEOUT,
    fn: async () => {
      await work.deliverMail();
    },
  });
  await scheduler.scheduleTask({
    id: 'enrollment-apns-push',
    frequency: { seconds: 10 },
    timeout: PUSH_TASK_TIMEOUT,
    fn: async () => {
      await work.retryPushes();
    },
  });
  await scheduler.scheduleTask({
    id: 'enrollment-outbound-events',
    frequency: { seconds: 10 },
    timeout: PUSH_TASK_TIMEOUT,
    fn: async () => {
      await work.deliverEvents();
    },
  });
  await scheduler.scheduleTask({
    id: 'enrollment-identity-renewal',
    frequency: { hours: 6 },
    timeout: { minutes: 30 },
    initialDelay: { minutes: 1 },
    fn: async () => {
      await work.renewIdentities();
    },
  });
  await scheduler.scheduleTask({
    id: 'enrollment-portal-cleanup',
    frequency: { minutes: 15 },
    timeout: { minutes: 5 },
    fn: work.cleanup,
  });
}
