import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { readDurationSetting } from '../lib/durationSetting';
import { SmtpSettings } from './createMailer';
import { DEFAULT_DELIVERY, DeliverySettings } from './InvitationDelivery';

const DEFAULT_FROM = 'IT <it@example.com>';

/** `enrollment.smtp`; undefined when it is absent and mail goes to the outbox. */
export function readSmtpSettings(
  smtpConfig: Config | undefined,
): SmtpSettings | undefined {
  if (!smtpConfig) {
    return undefined;
  }
  const secure = smtpConfig.getOptionalBoolean('secure') ?? false;
  const authConfig = smtpConfig.getOptionalConfig('auth');
  const smtp: SmtpSettings = {
    host: smtpConfig.getString('host'),
    port: smtpConfig.getOptionalNumber('port') ?? (secure ? 465 : 587),
    secure,
    requireTLS: smtpConfig.getOptionalBoolean('requireTLS') ?? false,
    auth: authConfig && {
      user: authConfig.getString('user'),
      pass: authConfig.getString('pass'),
    },
    from: smtpConfig.getOptionalString('from') ?? DEFAULT_FROM,
  };
  const tlsCa = smtpConfig.getOptionalString('tls.ca');
  if (tlsCa) smtp.tls = { ca: tlsCa };
  return smtp;
}

/** `enrollment.outbox`: where mail goes without SMTP. */
export function readOutboxSettings(outboxConfig: Config | undefined): {
  directory: string;
  from: string;
} {
  return {
    directory: outboxConfig?.getOptionalString('directory') ?? '.data/outbox',
    from: outboxConfig?.getOptionalString('from') ?? DEFAULT_FROM,
  };
}

/** `enrollment.delivery`: how the invitation mail task paces itself. */
export function readDeliverySettings(d: Config | undefined): DeliverySettings {
  const ms = (numberKey: string, fallback: number) =>
    readDurationSetting(
      d,
      'enrollment.delivery',
      numberKey,
      'milliseconds',
      fallback,
    ).value;
  const delivery: DeliverySettings = {
    batchSize: d?.getOptionalNumber('batchSize') ?? DEFAULT_DELIVERY.batchSize,
    concurrency:
      d?.getOptionalNumber('concurrency') ?? DEFAULT_DELIVERY.concurrency,
    leaseMs: ms('leaseSeconds', DEFAULT_DELIVERY.leaseMs),
    maxAttempts:
      d?.getOptionalNumber('maxAttempts') ?? DEFAULT_DELIVERY.maxAttempts,
    initialRetryMs: ms('initialRetrySeconds', DEFAULT_DELIVERY.initialRetryMs),
    maxRetryMs: ms('maxRetrySeconds', DEFAULT_DELIVERY.maxRetryMs),
  };
  for (const [key, value] of Object.entries(delivery)) {
    if (!(value > 0)) {
      throw new InputError(
        `enrollment.delivery: ${key} must be a positive number`,
      );
    }
  }
  return delivery;
}

/** Seconds between runs of the invitation mail task. */
export function readDeliveryIntervalSeconds(d: Config | undefined): number {
  return readDurationSetting(
    d,
    'enrollment.delivery',
    'intervalSeconds',
    'seconds',
    10,
  ).value;
}
