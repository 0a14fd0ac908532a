import { EnrollmentStores } from '../database/createEnrollmentStores';

/**
 * What the cleanup task forgets: expired portal sessions, download tokens,
 * used and expired SCEP challenges, enrollments no Mac used, finished login
 * throttle windows and activity older than the retention.
 */
export function createCleanup(
  stores: Pick<
    EnrollmentStores,
    'sessions' | 'enrollments' | 'challenges' | 'loginAttempts' | 'events'
  >,
  eventRetentionDays: number,
): () => Promise<void> {
  return async () => {
    const now = new Date();
    await stores.sessions.deleteExpired(now);
    await stores.enrollments.deleteExpired(now);
    await stores.challenges.deleteExpired(now);
    await stores.loginAttempts.user.deleteExpired(now);
    await stores.loginAttempts.address.deleteExpired(now);
    await stores.events.deleteOlderThan(
      new Date(now.getTime() - eventRetentionDays * 86_400_000),
    );
  };
}
