import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { readDurationSetting } from '../lib/durationSetting';

/** Reads how many days the activity log keeps an event (`root` is `enrollment`). */
export function readEventRetentionDays(root: Config | undefined): number {
  const retention = readDurationSetting(
    root,
    'enrollment',
    'events.retentionDays',
    'days',
    365,
  );
  const days = retention.value;
  if (!Number.isInteger(days) || days < 1 || days > 36500) {
    throw new InputError(
      `${retention.name} must be a whole number of days between 1 and 36500`,
    );
  }
  return days;
}
